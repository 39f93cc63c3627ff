package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Paragraph-level clean-up after serialisation: drops the lines that survive DOM cleaning but
 * are not the article: "Read also" inserts, related-story lists under their label, linked
 * headlines, advertisement and widget labels, share-word lines, captions and credits, the
 * headline, bylines, datelines ({@link DateLines}), counters, tag lines, reporting credits and
 * support appeals; repeated paragraphs; trailing headings.
 *
 * <p>Every pattern is anchored to the whole line and only tried on short lines, so prose that
 * merely mentions these words is never touched.
 */
final class LineFilter {

    private static final Pattern READ_ALSO = Pattern.compile(
            "(?iU)^\\W*(read also|also read|read more|see also|related( stories| articles| news| posts?| content| \\p{L}+)?|"
                    + "more on (this|the) topic|recommended|читайте також|також читайте|читайте ще|читайте|"
                    + "дивіться також|по темі|більше на тему|читайте также|также читайте|читайте еще|смотрите также|"
                    + "по теме|больше по теме|lesen sie auch|lesen sie mehr|mehr zum thema|leia também|leia mais|"
                    + "lea también|lee también|à lire aussi|lire aussi|leggi anche|zum artikel)\\s*[:.!»\\-–—]");

    private static final Pattern AD_LABEL = Pattern.compile(
            "(?iU)^\\W*(advertisement|advertising|advert|ad|ads|sponsored( content)?|реклама|anzeige|werbung|publicidad|"
                    + "publicité|pubblicità|reklama|annonse|annons|iklan|광고|広告|scroll to continue( with content)?|"
                    + "continue reading( below)?|story continues below( advertisement)?|article continues below)\\W*$");

    /** A WordPress shortcode the server left unrendered ("[button link=... ]Send us your review[/button]"). */
    private static final Pattern SHORTCODE = Pattern.compile("^\\[(\\w+)(\\s+[\\w-]+\\s*=[^\\]]*)+\\](.*\\[/\\1\\])?$");

    /**
     * A link line under the text: "More AP NBA: https://...", "Listen: https://...", or an agency
     * credit "SOURCE: News agencies", "(Quelle: APA/dpa)" with no sentence in it. "More information:
     * https://..." is the article pointing on, and stays.
     */
    private static final Pattern LINK_LINE = Pattern.compile(
            "(?iU)^\\W*(more\\b(?! info| information| details).{0,40}|listen|download|itunes|spotify|apple podcasts|google podcasts|"
                    + "subscribe)\\s*:\\s*https?://.{0,200}$|"
                    + "^\\W*\\(?\\s*(source|sources|quelle|quellen|fuente|fuentes|fonte|fontes|źródło|джерело|источник)\\s*:"
                    + "[^.!?]{0,80}\\)?\\s*$");

    /**
     * Production credits: "Redaktion: Marcus Bensmann, Elena Müller", "Übersetzung: A. Kast,
     * Redaktion: T. Bauer, Schlussredaktion: L. Schön", "Edited by: Ann Lee". Each part is a role
     * label and capitalised names; a sentence after the label does not match.
     */
    private static final String NAMES = "\\p{Lu}[\\p{L}.'’-]*( \\p{Lu}[\\p{L}.'’-]*){0,3}";
    private static final Pattern STAFF_CREDITS = Pattern.compile(
            "(?U)^((?i:redaktion|schlussredaktion|übersetzung|mitarbeit|recherche|grafik|illustrationen?|audioversion|"
                    + "produktion|edited by|editing|editor|editors|produced by|production|graphics|translation|"
                    + "translated by|traduction|rédaction|edición|redacción|realización|coordinación)\\s*:?\\s+"
                    + NAMES + "((, | und | and | y | et | & )" + NAMES + ")*(, |; |$))+$");

    /** A template placeholder the server left unfilled ({@code $$ARTICLE_AD$$}, {@code {{related}}}). */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "^(\\$\\$|\\{\\{|\\[\\[|%%|##)\\s*[\\w.:-]+\\s*(\\$\\$|\\}\\}|\\]\\]|%%|##)$");

    /** Widget chrome that reaches the text as a line of its own. */
    private static final Pattern UI_LABEL = Pattern.compile(
            "(?iU)^\\W*(text size|font size|loading( content)?|image \\d+ of \\d+|photo \\d+ of \\d+|"
                    + "this (slideshow|video|content) requires javascript.*|(post|add|leave|show|view) (a )?comments?.*|"
                    + "comments|subscribe( now)?|sign up|log ?in|close|print|like this story.*|share this( article| story)?|"
                    + "%d \\S+.*|breaking news|小字号|大字号|中字号|\\d+\\s*min|"
                    + "(fehler gefunden|found an? (error|typo|mistake)|spotted an? (error|typo|mistake)|report an? (error|typo)|"
                    + "signaler une erreur|une erreur \\?|¿?has visto un error)\\W*(jetzt melden|let us know|report it)?)\\W*$");

    /** The comment box's own lines. */
    private static final Pattern COMMENT_BOX = Pattern.compile(
            "(?iU)^\\W*((would you like|do you want|want) to (comment|leave a comment|join the (discussion|conversation))|"
                    + "please read our comment(s|ing)? (policy|guidelines)|comments are (closed|moderated)|"
                    + "leave a (comment|reply)|join the (discussion|conversation)|"
                    + "sign up \\(it.s quick and free\\)|\\d+ (comments?|replies))\\b.{0,80}$");

    /** A line about the outlet's newsletter or app, with a call to act on it. */
    private static final Pattern PROMO_CALL = Pattern.compile(
            "(?iU)\\b(sign(ing)? up|subscri\\w*|abonn\\w*|anmeld\\w*|inscri\\w*|suscri\\w*|hier entlang|click here|here|hier|"
                    + "free|kostenlos|inbox|postfach|informiert sie|app)\\b");

    private static final Set<String> SHARE_WORDS = Set.of(
            "share", "shares", "sharing", "tweet", "facebook", "twitter", "x", "telegram", "whatsapp", "viber",
            "linkedin", "email", "e", "mail", "print", "copy", "link", "pinterest", "reddit", "flipboard",
            "pocket", "messenger", "instagram", "youtube", "threads", "bluesky", "this", "article", "on", "via",
            "the", "comments", "comment", "поділитися", "поширити", "поделиться", "копіювати", "скопіювати",
            "посилання", "ссылку", "ссылка", "скопировать", "друк", "печать", "надіслати", "отправить", "more",
            "mehr", "drucken", "teilen");
    private static final Pattern CAPTION = Pattern.compile(
            "(?iU)^\\W*(photo|photos|фото|фото ілюстративне|ілюстративне фото|иллюстративное фото|image|images|picture|"
                    + "illustration|ілюстрація|иллюстрация|credit|credits|video|відео|видео|колаж|коллаж|collage|"
                    + "photograph|джерело фото|источник фото)\\s*(:|©|by\\b|—|–|-|/)");
    private static final Pattern COUNTER = Pattern.compile(
            "(?iU)^\\W*(\\d[\\d\\s.,kKтис]*\\s*(views?|reads?|comments?|переглядів|перегляди|перегляд|просмотров|просмотра|"
                    + "просмотр|коментар\\w*|комментар\\w*)|(views?|переглядів|перегляди|просмотры|просмотров)\\W*\\d[\\d\\s.,]*|"
                    + "\\d+\\s*(min|mins|minutes?|хв|хвилин\\w*|мин|минут\\w*)\\.?\\s*(read|reading|читання|чтения)|"
                    + "(reading time|read time|lesedauer|lesezeit|temps de lecture|tiempo de lectura|tempo de leitura|"
                    + "tempo di lettura|час читання|время чтения)\\W*\\d+\\s*\\p{L}*)\\W*$");
    private static final Pattern TAG_LINE = Pattern.compile(
            "(?iU)^\\W*(" + Lexicon.anyOf(Lexicon.TAG_LABELS)
                    + "|filed under|posted in|tagged( with)?|categories|categorias|kategorien)\\s*:.{0,200}$");
    /** A post's meta line ending in its tags or category: "05/10/2018 - Por: Ana Lima - Categoria: Saúde - Tags: ...". */
    private static final Pattern META_TAGS = Pattern.compile(
            "(?iU)^.{0,120}\\s[|•·\\-–—]\\s+(tags?|categor(y|ia|ies|ias)|kategorie[n]?)\\s*:.{0,200}$");
    private static final Pattern APPEAL = Pattern.compile(
            "(?iU)^\\W*((support|subscribe|follow|join|donate|sign up|read us|підтримайте|підтримай|підпишіться|"
                    + "підписуйтесь|слідкуйте|стежте|приєднуйтесь|читайте нас|поддержите|поддержи|подпишитесь|"
                    + "подписывайтесь|следите|присоединяйтесь)\\b.*\\b(patreon|telegram|телеграм\\w*|viber|facebook|"
                    + "instagram|youtube|twitter|newsletters?|розсилк\\w*|рассылк\\w*|google news|channel|канал\\w*|"
                    + "club|клуб\\w*)\\b.*|(support|підтримайте|поддержите) (us|нас)\\W*|"
                    + "get the latest .{0,60}\\binbox\\b.*|.{0,40}\\bsubscribe to .{0,60}newsletters?\\W*|"
                    + ".{0,60}\\bsupport (independent|quality|our) journalism\\b.*)$");
    /** Reporting credits and contact footers of wire and newspaper copy. */
    private static final Pattern CONTRIBUTED = Pattern.compile(
            "(?iU)contributed( reporting)? to this (report|story|article)|contributed (additional )?reporting( from [^.]{1,60})?\\.?$");
    private static final Pattern CREDITS = Pattern.compile(
            "(?iU)^\\W*\\(?(reporting|writing|additional reporting) by\\b.*\\b(editing|edited) by\\b|"
                    + "^\\W*[（(]?\\s*(责编|责任编辑|编辑|来源)\\s*[:：].{0,60}$|"
                    + "^\\W*\\(?additional reporting by\\b.{0,120}$|"
                    + "^\\W*follow (\\p{Lu}\\S*'s |our )?(full |more |all )?coverage of\\b.{0,120}$|"
                    + "^\\(\\s*(reporting|writing|editing|compiled) by\\b.*\\)\\W*$|^\\W*associated press writers?\\b|"
                    + "^\\W*(write to|e-?mail|reach|contact) (the (reporter|author|writer)s?|\\p{Lu}\\S*( \\p{Lu}\\S*){0,2}) "
                    + "(at|on)\\b.{0,80}(@|\\.com|twitter)|"
                    + "^\\W*follow (him|her|them|us|\\p{Lu}\\S*( \\p{Lu}\\S*){0,2}) on (twitter|facebook|instagram|x)\\b.{0,80}$");

    /** An e-mail address. */
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)*\\.\\p{L}{2,}");

    /**
     * The newsroom asking for tips or feedback, or saying how to reach the writer ("Got a story? Get
     * in touch ...", "... may be reached at"); an appeal to contact the police is article text and
     * names nobody of the outlet, so it does not match.
     */
    private static final Pattern CONTACT_US = Pattern.compile(
            "(?iU)\\b(get in touch|(may|can) be reached|(have|got) a (tip|story)|"
                    + "(e-?mail|contact|write to|reach|message|tell) (us|our|the (reporter|author|writer|newsroom|news team|editors?)s?)\\b|"
                    + "e-?mailing us|send (us|your (tips?|stories|story|news|feedback|photos|videos|letters?))|(your|ihr|votre) feedback|"
                    + "(schreiben|senden|schicken|mailen) sie uns|kontaktieren sie uns|hinweise an|écrivez-nous|contactez-nous|"
                    + "escríbenos|contáctanos|envíanos|scrivici|fale conosco|(пишите|напишите|пишіть|напишіть) нам)");

    /**
     * The site's rule for comments: a notice ("Note: we are moderating all comments", "ATENÇÃO:
     * Comentários ... não serão aprovados pelo moderador"), or comments as the subject of a
     * passive ("Comments are moderated"). "The panel, moderated by the mayor, took comments" is neither.
     */
    private static final Pattern COMMENT_WORD = Pattern.compile(
            "(?iU)\\b(comments?|comentários?|comentarios?|kommentare?|commentaires?|commenti|комментари\\w*|коментар\\w*)\\b");
    private static final Pattern MODERATION_WORD = Pattern.compile(
            "(?iU)\\b(moderat\\w*|moderad\\w*|moderiert\\w*|modér\\w*|aprovad\\w*|approved|freigeschaltet|модер\\w*)");
    private static final Pattern COMMENT_POLICY = Pattern.compile(
            "(?iU)^\\W*(note|please note|attention|atenção|atención|achtung|hinweis|nota|avviso|important|увага|внимание)\\b|"
                    + "\\b(comments?|comentários|comentarios|kommentare|commentaires|commenti|комментарии|коментарі) "
                    + "(are|will be|is|werden|sind|são|serão|sont|seront|son|serán|sono|saranno|будут|будуть)\\b");

    /** A media player's clock ("0:00 / 3:15", "00:00 0:00", "00:00"). */
    private static final Pattern PLAYER_CLOCK = Pattern.compile("^0?0:00(:00)?((\\s*/\\s*|\\s+)\\d{1,2}:\\d{2}(:\\d{2})?)?$");

    private LineFilter() {
    }

    /** What the filter knows about the page: headline and author names. */
    record Context(String title, List<String> authors, String description) {

        Context(String title, List<String> authors) {
            this(title, authors, null);
        }
    }

    static List<Block> filter(List<Block> raw, Context ctx) {
        List<Block> blocks = new ArrayList<>(raw);
        LineRuns.dropRelatedLists(blocks);
        LineRuns.dropTagLists(blocks);
        List<Block> kept = new ArrayList<>();
        Set<String> seenLong = new HashSet<>();
        String titleKey = Text.key(ctx.title());
        String lastKey = null;
        for (Block b : blocks) {
            String t = b.text().strip();
            if (t.isEmpty()) {
                continue;
            }
            String key = Text.key(t);
            if (isJunk(t, key, b, ctx, titleKey)) {
                continue;
            }
            if (key.equals(lastKey)) {
                continue; // consecutive repeat
            }
            if (key.length() >= 50 && !seenLong.add(key)) {
                continue; // the same paragraph again (sticky headers, recovered text)
            }
            lastKey = key;
            kept.add(t.equals(b.text()) ? b : new Block(t, b.kind(), b.linkChars()));
        }
        LineRuns.dropLeadingDescription(kept, ctx.description());
        LineRuns.dropAuthorBio(kept, ctx.authors());
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isHeading()) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    static boolean isJunk(String t, String key, Block b, Context ctx, String titleKey) {
        int len = t.length();
        if (len >= 400) {
            return false; // no rule is about long paragraphs
        }
        if (len < 150 && b.linkDensity() >= 0.8 && !isUrl(t) && !isSentence(t)) {
            return true; // a linked headline or a menu entry standing alone (a printed address is content)
        }
        if (!titleKey.isEmpty()) {
            if (key.equals(titleKey) || (b.isHeading() && Text.wordSimilarity(t, ctx.title()) >= 0.75)
                    || isTitleWithKicker(key, titleKey)) {
                return true;
            }
        }
        if (!hasLetterOrDigit(t)) {
            return true; // "|", "•", "***"
        }
        if (len < 300 && (READ_ALSO.matcher(t).lookingAt() || CREDITS.matcher(t).lookingAt()
                || (t.contains("ontributed") && CONTRIBUTED.matcher(t).find()))) {
            return true;
        }
        if (len < 60 && (AD_LABEL.matcher(t).matches() || UI_LABEL.matcher(t).matches() || COUNTER.matcher(t).matches()
                || PLACEHOLDER.matcher(t).matches())) {
            return true;
        }
        if (len < 250 && (CAPTION.matcher(t).lookingAt() || (t.indexOf(':') >= 0 && (TAG_LINE.matcher(t).matches() || META_TAGS.matcher(t).matches())))) {
            return true;
        }
        if (len < 200 && (APPEAL.matcher(t).matches() || COMMENT_BOX.matcher(t).matches())) {
            return true;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (len < 300 && (isPromo(lower, t) || PaywallWords.isOffer(lower, t))) {
            return true;
        }
        if (len < 250 && (isContactLine(t) || isCommentPolicy(lower, t))) {
            return true;
        }
        if (len < 300 && t.indexOf(':') >= 0 && LINK_LINE.matcher(t).find()) {
            return true;
        }
        if (len < 250 && STAFF_CREDITS.matcher(t).matches()) {
            return true;
        }
        if (t.charAt(0) == '[' && SHORTCODE.matcher(t).matches()) {
            return true;
        }
        if (len < 20 && PLAYER_CLOCK.matcher(t).matches()) {
            return true;
        }
        if (len < 80 && isShareLine(t)) {
            return true;
        }
        if (len < 120 && DateLines.isDateline(t)) {
            return true;
        }
        return len < 150 && BylineLines.isByline(t, ctx.authors());
    }

    private static final Set<String> EMAIL_LABELS = Set.of(
            "email", "e-mail", "mail", "contact", "kontakt", "courriel", "correo", "e", "електронна", "пошта", "почта");

    /** An e-mail address with only a label beside it, or with the newsroom's call to get in touch. */
    private static boolean isContactLine(String t) {
        if (t.indexOf('@') < 0) {
            return false;
        }
        java.util.regex.Matcher m = EMAIL.matcher(t);
        if (!m.find()) {
            return false;
        }
        String rest = m.replaceAll(" ");
        for (String w : DateLines.words(rest)) {
            if (!EMAIL_LABELS.contains(w)) {
                return CONTACT_US.matcher(rest).find(); // a name beside the address is a byline: AEB keeps those
            }
        }
        return true;
    }

    private static boolean isCommentPolicy(String lower, String t) {
        return containsAny(lower, MODERATION_STEMS) && MODERATION_WORD.matcher(t).find() && COMMENT_WORD.matcher(t).find()
                && COMMENT_POLICY.matcher(t).find();
    }

    private static final String[] MODERATION_STEMS = {"moder", "modér", "aprovad", "approved", "freigeschaltet", "модер"};

    private static boolean containsAny(String s, String[] parts) {
        for (String p : parts) {
            if (s.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** The outlet's newsletter or app advertised in a line of its own. */
    private static boolean isPromo(String lower, String t) {
        return (lower.contains("newsletter") || lower.contains("news-app") || lower.contains("news app"))
                && PROMO_CALL.matcher(t).find();
    }

    private static boolean hasLetterOrDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_') { // "___" is the wire services' section rule
                return true;
            }
        }
        return false;
    }

    /**
     * The headline printed with a kicker or label glued before it ("SVP-Sonderparteitag zur
     * MigrationChiesa ruft zum …"): ends with the whole title, and adds only a few words.
     */
    private static boolean isTitleWithKicker(String key, String titleKey) {
        return titleKey.length() >= 20 && key.endsWith(titleKey) && key.length() <= titleKey.length() + 60;
    }

    /** A sentence of four words or more, ended by a full stop or exclamation mark (headlines have none). */
    private static boolean isSentence(String t) {
        char last = t.charAt(t.length() - 1);
        return (last == '.' || last == '!') && !t.endsWith("...") && t.split(" ", 5).length >= 4;
    }

    private static boolean isUrl(String t) {
        return t.regionMatches(true, 0, "http", 0, 4) || t.regionMatches(true, 0, "www.", 0, 4);
    }

    private static boolean isShareLine(String t) {
        String[] words = t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        int n = 0;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (!SHARE_WORDS.contains(w)) {
                return false;
            }
            n++;
        }
        return n > 0;
    }
}
