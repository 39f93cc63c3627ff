package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the extractor's rules are written in, one home per concept, languages side by side: English,
 * Ukrainian and Russian first, then the languages of the outlets most often harvested beside them. A rule that
 * needs a vocabulary takes it from here, as a set or composed into a pattern by {@link #anyOf}; when a rule must
 * leave a word out, it says so where it does ({@link #except}).
 */
final class Lexicon {

    /**
     * Month names: nominative, genitive and abbreviations, one row per month. Languages in each row: en, uk, ru,
     * then de, fr, es, it, pt, nl, id, pl, sv.
     */
    private static final String[][] MONTH_ROWS = {
            {"january", "jan", "січня", "січень", "січ", "января", "январь", "январе", "янв",
                    "januar", "janvier", "janv", "enero", "ene", "gennaio", "janeiro", "januari", "stycznia", "styczeń"},
            {"february", "feb", "лютого", "лютий", "лют", "февраля", "февраль", "фев", "февр",
                    "februar", "février", "févr", "febrero", "febbraio", "fevereiro", "februari", "lutego", "luty"},
            {"march", "mar", "березня", "березень", "бер", "марта", "март", "мар",
                    "märz", "mars", "marzo", "março", "maart", "maret", "marca", "marzec", "mär"},
            {"april", "apr", "квітня", "квітень", "квіт", "апреля", "апрель", "апр",
                    "avril", "avr", "abril", "aprile", "kwietnia", "kwiecień"},
            {"may", "травня", "травень", "трав", "мая", "май", "mai", "mayo", "maggio", "maio", "mei", "maja", "maj"},
            {"june", "jun", "червня", "червень", "черв", "июня", "июнь", "июн",
                    "juni", "juin", "junio", "giugno", "junho", "czerwca", "czerwiec"},
            {"july", "jul", "липня", "липень", "лип", "июля", "июль", "июл",
                    "juli", "juillet", "juil", "julio", "luglio", "julho", "lipca", "lipiec"},
            {"august", "aug", "серпня", "серпень", "серп", "августа", "август", "авг",
                    "août", "agosto", "augustus", "agustus", "sierpnia", "sierpień", "augusti"},
            {"september", "sep", "sept", "вересня", "вересень", "вер", "сентября", "сентябрь", "сен", "сент",
                    "septembre", "septiembre", "setiembre", "settembre", "setembro", "września", "wrzesień"},
            {"october", "oct", "жовтня", "жовтень", "жовт", "октября", "октябрь", "окт",
                    "oktober", "okt", "octobre", "octubre", "ottobre", "outubro", "października", "październik"},
            {"november", "nov", "листопада", "листопад", "лист", "ноября", "ноябрь", "ноя", "нояб",
                    "novembre", "noviembre", "novembro", "listopada", "listopad"},
            {"december", "dec", "грудня", "грудень", "груд", "декабря", "декабрь", "дек",
                    "dezember", "dez", "décembre", "déc", "diciembre", "dicembre", "dezembro", "grudnia", "grudzień",
                    "desember", "des"}};

    /** Each month name or abbreviation, lower case, with its number (1–12). */
    static final Map<String, Integer> MONTHS = months();

    /** Day names and their abbreviations, lower case. */
    static final Set<String> WEEKDAYS = words(
            "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun",          // en
            "понеділок вівторок середа четвер пʼятниця п'ятниця субота неділя",                              // uk
            "понедельник вторник среда четверг пятница суббота воскресенье",                                  // ru
            "montag dienstag mittwoch donnerstag freitag samstag sonntag",                                    // de
            "lundi mardi mercredi jeudi vendredi samedi dimanche",                                            // fr
            "lunes martes miércoles jueves viernes sábado domingo",                                           // es
            "segunda terça quarta quinta sexta feira sábado",                                                 // pt
            "lunedì martedì mercoledì giovedì venerdì sabato");                                               // it

    /** The word before a writer's name: "By Jane Doe", "Von Anna Sleegers", "Від редакції". */
    static final Set<String> CREDIT_WORDS = words(
            "by", "від", "от", "von", "par", "por", "di", "door", "av", "af");                                // en uk ru de fr es/pt it nl sv/no da

    /** "And" between two writers' names. */
    static final Set<String> AND_WORDS = words(
            "and", "і та", "и", "und", "et", "y", "e", "en", "og", "och");                                  // en uk ru de fr es it/pt nl no/da sv

    /** A label naming the writer ("Author:", "Автор:"). */
    static final Set<String> AUTHOR_LABELS = words(
            "author authors", "автор авторка автори", "автор авторы", "autor autorin autoren", "auteur auteurs",
            "autore", "autor autores");

    /** A label above or before a list of tags or topics. */
    static final Set<String> TAG_LABELS = words(
            "tags tag topics keywords", "теги теґи мітки теми", "теги метки темы", "schlagwörter schlagworte stichwörter themen",
            "mots-clés", "etiquetas", "argomenti", "palavras-chave", "tagi");

    private Lexicon() {
    }

    /**
     * The words as one regex alternation, longest first so a word wins over its prefix, each with its regex
     * metacharacters escaped: {@code (?:schlagwörter|keywords|…|tag)}.
     */
    static String anyOf(Collection<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder out = new StringBuilder("(?:");
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                out.append('|');
            }
            for (char c : sorted.get(i).toCharArray()) {
                if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.append(')').toString();
    }

    /** The set without the given words (a rule that must not take them, with its reason where it calls this). */
    static Set<String> except(Set<String> words, String... left) {
        Set<String> out = new LinkedHashSet<>(words);
        out.removeAll(List.of(left));
        return Set.copyOf(out);
    }

    /** The union of sets. */
    @SafeVarargs
    static Set<String> union(Set<String>... sets) {
        Set<String> out = new LinkedHashSet<>();
        for (Set<String> s : sets) {
            out.addAll(s);
        }
        return Set.copyOf(out);
    }

    private static Set<String> words(String... groups) {
        Set<String> out = new LinkedHashSet<>();
        for (String g : groups) {
            out.addAll(List.of(g.strip().split("\\s+")));
        }
        return Set.copyOf(out);
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < MONTH_ROWS.length; i++) {
            for (String n : MONTH_ROWS[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }
}
