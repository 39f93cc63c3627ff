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

    /** Labels of related-story lists ("Don't miss", "More Great WIRED Stories"); what follows them is a list of links. */
    private static final Pattern RELATED_LABEL = Pattern.compile(
            "(?iU)^\\W*(don.?t miss|you (may|might|will) (also )?(like|enjoy|be interested in)|recommended for you|"
                    + "read next|related|related (news|stories|articles|posts|content|links|coverage)|"
                    + "most (read|popular|viewed|shared|commented)( in [\\w ]{1,30})?|"
                    + "(more|top|latest|popular|trending|recommended|featured|must[- ]read|partner|sponsored|editor.?s)"
                    + "\\b.{0,30}\\b(stories|news|articles|posts|videos|reads|content|headlines|picks)|"
                    + "популярне|більше новин|інші новини|новини партнерів|популярное|другие новости|новости партнеров|"
                    + "das könnte sie auch interessieren|weitere artikel|mehr zum thema( [\\w ]{1,30})?|auch interessant|"
                    + "noticias relacionadas|te puede interesar|latest|newest|neueste( artikel| nachrichten)?|meistgelesen\\w*|"
                    + "derniers articles|dernières (actualités|nouvelles)|les plus lus|últimas noticias|lo más leído|"
                    + "ultime notizie|i più letti|últimas notícias|mais lidas|najnowsze|najczęściej czytane|"
                    + "senaste nytt|mest lästa|siste nytt|mest lest|laatste nieuws|meest gelezen|nejčtenější|"
                    + "sur le même sujet|ti potrebbe interessare|les også|läs också)\\W*$");

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
            "(?iU)^\\W*(tags|tag|теги|теґи|мітки|метки|topics|теми|темы|keywords|schlagworte|schlagwörter|stichwörter|"
                    + "etiquetas|filed under|posted in|tagged( with)?|categories|categorias|kategorien|mots-clés|argomenti|"
                    + "palavras-chave)\\s*:.{0,200}$");
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

    /** Labels of a list of tags or topics printed on the line below them. */
    private static final Pattern TAG_LABEL = Pattern.compile(
            "(?iU)^\\W*(tags|tagi|etiquetas|schlagwörter|schlagworte|stichwörter|themen|topics|keywords|palavras-chave|"
                    + "теги|мітки|метки|mots-clés|argomenti)\\W*$");

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
        dropRelatedLists(blocks);
        dropTagLists(blocks);
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
        dropLeadingDescription(kept, ctx.description());
        dropAuthorBio(kept, ctx.authors());
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isHeading()) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    /**
     * A related-stories label ends the article when it comes in its second half (everything after
     * it is the list); earlier, it goes with the link-bearing lines that follow it.
     */
    private static void dropRelatedLists(List<Block> kept) {
        int total = 0;
        for (Block b : kept) {
            total += b.text().length();
        }
        if (total == 0) {
            return;
        }
        int before = 0;
        for (int i = 0; i < kept.size(); i++) {
            Block b = kept.get(i);
            String t = b.text();
            if (t.length() <= 60 && RELATED_LABEL.matcher(t).matches()) {
                if (before * 2 >= total && isList(kept.subList(i + 1, kept.size()))) {
                    kept.subList(i, kept.size()).clear();
                    return;
                }
                int end = i + 1;
                while (end < kept.size() && kept.get(end).linkDensity() >= 0.3) {
                    end++;
                }
                kept.subList(i, end).clear();
                i--;
                continue;
            }
            before += t.length();
        }
    }

    /**
     * The writer's bio under the text ("Eric Song is the site's deals editor ...", "Korrespondent Ulrich
     * Exner ist bei WELT für ...", "Mike Wall's book about ..."): one of the last three lines, opening
     * with a byline author's name (after at most two title words) followed by a verb or a possessive.
     */
    private static void dropAuthorBio(List<Block> kept, List<String> authors) {
        if (authors.isEmpty() || kept.size() < 3) {
            return;
        }
        for (int i = kept.size() - 1; i >= Math.max(1, kept.size() - 3); i--) {
            String t = kept.get(i).text();
            if (t.length() < 300 && isAuthorBio(t, authors)) {
                kept.remove(i);
            }
        }
    }

    private static boolean isAuthorBio(String t, List<String> authors) {
        for (String a : authors) {
            int at = a.length() >= 5 ? t.indexOf(a) : -1;
            if (at < 0 || at > 40 || DateLines.words(t.substring(0, at)).size() > 2) {
                continue;
            }
            java.util.regex.Matcher m = BIO_VERB.matcher(t);
            if (m.region(at + a.length(), t.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** What follows the name in a bio: a verb of being or covering, or a possessive. */
    private static final Pattern BIO_VERB = Pattern.compile(
            "(?U)('s?|’s?|,)?\\s+(is|was|has|covers|writes|reports|joined|ist|war|schreibt|berichtet|arbeitet|est|écrit|"
                    + "es|escribe|è|scrive|é|escreve|є|працює|является|работает)\\b|('s|’s) (book|latest|new|forthcoming|newsletter|podcast)\\b");

    /** A "Tags" label alone on its line, with the comma-separated tags on the next one. */
    private static void dropTagLists(List<Block> blocks) {
        for (int i = 0; i + 1 < blocks.size(); i++) {
            String t = blocks.get(i).text();
            if (t.length() <= 20 && TAG_LABEL.matcher(t).matches() && isTagList(blocks.get(i + 1).text())) {
                blocks.subList(i, i + 2).clear();
                return;
            }
        }
    }

    /** Three or more short comma-separated items, no sentence. */
    private static boolean isTagList(String t) {
        if (t.length() > 400 || t.endsWith(".")) {
            return false;
        }
        String[] items = t.split("\\s*[,;]\\s*");
        if (items.length < 3) {
            return false;
        }
        for (String item : items) {
            if (item.split(" ").length > 6) {
                return false;
            }
        }
        return true;
    }

    /** The page's meta description set as a subheading above the text is the standfirst, not the text. */
    private static void dropLeadingDescription(List<Block> kept, String description) {
        if (description == null || description.length() < 20 || kept.size() < 2) {
            return;
        }
        String key = Text.key(description);
        for (int i = 0; i < Math.min(2, kept.size() - 1); i++) {
            if (!kept.get(i).isHeading()) {
                continue; // sites often reuse their first paragraph as the description: that one stays
            }
            String k = Text.key(kept.get(i).text());
            if (k.equals(key) || (k.length() > 20 && key.startsWith(k) && k.length() * 10 >= key.length() * 9)) {
                kept.remove(i);
                return;
            }
        }
    }

    /** Teasers rather than prose: two in five lines or more are mostly links. */
    private static boolean isList(List<Block> blocks) {
        int linked = 0;
        for (Block b : blocks) {
            if (b.linkDensity() >= 0.3) {
                linked++;
            }
        }
        return linked * 5 >= blocks.size() * 2;
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
        return len < 150 && isByline(t, ctx.authors());
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

    /** A line that is only author names with "By", connectors, dates and punctuation around them. */
    private static boolean isByline(String t, List<String> authors) {
        if (t.length() < 40 && CJK_BYLINE.matcher(t).matches()) {
            return true;
        }
        String rest = t;
        boolean hadName = false;
        String lower = t.toLowerCase(Locale.ROOT);
        for (String a : authors) {
            if (a.length() >= 3 && lower.contains(a.toLowerCase(Locale.ROOT))) {
                String r = rest.replaceAll("(?iU)" + Pattern.quote(a), " ");
                hadName |= !r.equals(rest);
                rest = r;
            }
        }
        if (!hadName) {
            return t.length() < 80 && BYLINE.matcher(t).matches() && !t.endsWith(".") && !hasDigit(t);
        }
        for (String w : DateLines.words(rest.replace('/', ' ').replace('|', ' ').replace('&', ' '))) {
            if (!BYLINE_WORDS.contains(w) && !DateLines.isDateWord(w)) {
                return false;
            }
        }
        return true;
    }

    /**
     * "By Jane Doe and Tom O'Neill", "Von Anna Sleegers, Frankfurt", "Von t-online, jse": a
     * capitalised by-word, then up to eight name-like words (the first capitalised or hyphenated)
     * joined by commas and "and" in the outlets' languages.
     */
    private static final Pattern BYLINE = Pattern.compile(
            "(?U)^(By|BY|Von|VON|Por|POR|Par|PAR|Av|Af|Від|ВІД|От|ОТ|Автор|Авторка|Автори|Text|Texto|Tekst):?\\s+"
                    + "(\\p{Lu}[\\p{L}\\p{M}.'’-]*|\\p{Ll}+-[\\p{L}.-]+)"
                    + "((\\s*,\\s*|\\s*&\\s*|\\s+(and|und|mit|with|y|e|et|og|och|і|та|и)\\s+|\\s+)[\\p{L}\\p{M}.'’-]+){0,7}\\s*$");

    /** East Asian bylines: a name followed by "reporter" ("박준석 기자 외 1명", "渡辺洋介 記者"). */
    private static final Pattern CJK_BYLINE = Pattern.compile(
            "(?U)^[\\p{L}·]{2,12}(\\s?[\\p{L}·]{1,12})?\\s?(기자|특파원|記者|特派員|编辑|通讯员)(\\s?외\\s?\\d+명)?\\s*$");

    private static boolean hasDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isDigit(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> BYLINE_WORDS = Set.of(
            "by", "and", "text", "photo", "author", "authors", "автор", "авторка", "автори", "текст", "фото", "і", "та",
            "и", "від", "от", "von", "und", "por", "y", "par", "et", "di", "e", "door", "en", "av", "og", "och");
}
