package dev.newsharvester.extract;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one vocabulary of paywalls, in the outlets' languages: what subscription offers and "subscribe to continue
 * reading" calls say, the class and id words of paywall boxes and of faded teaser endings, and the values of
 * {@code article:content_tier}. {@link LineFilter} drops offer lines with it, {@link Paywalls} reads access with it.
 */
final class PaywallWords {

    /**
     * A call to pay, subscribe or register in order to read on ("Subscribe to continue reading", "This article is
     * for subscribers only", "Передплатіть, щоб читати далі", "Оформите подписку, чтобы продолжить чтение"). A
     * newsletter box ("Subscribe to our newsletter") has none of these.
     */
    static final Pattern CONTINUE_CALL = Pattern.compile(
            "(?iU)\\b((subscribe|sign up|register|log ?in|sign in|create a (free )?account|become a (member|subscriber))"
                    + "\\b.{0,40}\\bto (continue|keep|start) reading|"
                    + "(continue|keep) reading (with|for) (a |an |your )?(subscription|membership|account|\\p{Lu}\\S*\\+)|"
                    + "to (continue|keep) reading,? (please )?(subscribe|sign in|log ?in|register|become a (member|subscriber))|"
                    + "subscribe (now )?to (read|unlock|access) (the full|the rest|this|more)|"
                    + "this (article|story|content) is (only )?(available |reserved )?(for|to) (paying |premium )?"
                    + "(subscribers|members)|^\\W*(for )?subscribers only\\b|already (a subscriber|subscribed|a member)\\?|"
                    + "the rest of this (article|story) is (for|available to) (subscribers|members)|"
                    // uk
                    + "передплатіть|оформіть передплату|оформити передплату|(щоб|аби) (читати далі|продовжити читання|прочитати (повністю|далі))|"
                    + "вже маєте передплату|доступ\\w* (лише |тільки )?(для передплатників|за передплатою)|"
                    + "лише для передплатників|тільки для передплатників|"
                    // ru
                    + "оформите подписку|оформить подписку|(чтобы) (читать дальше|продолжить чтение|прочитать (полностью|дальше))|"
                    + "уже есть подписка|доступ\\w* (только )?(для подписчиков|по подписке)|только для подписчиков|"
                    // de, fr, es, it, pt
                    + "weiterlesen mit|nur für abonnenten|réservée?s? aux abonnés|la suite est réservée|solo para suscriptores|"
                    + "riservato agli abbonati|exclusivo para assinantes)");

    /** Class and id words of paywall boxes and of the containers paywall systems fill (Piano/Tinypass, Poool, ...). */
    static final Set<String> BOX_WORDS = Set.of(
            "paywall", "paywalled", "paywalls", "regwall", "bezahlschranke", "tinypass", "poool", "piano", "metering",
            "subscriberonly", "premiumcontent", "lockedcontent");

    /** Adjacent class/id words that name a paywall box together ({@code reg-wall}, {@code subscriber-only}). */
    static final Set<String> BOX_PAIRS = Set.of(
            "pay wall", "reg wall", "subscriber only", "subscribers only", "premium content", "premium lock",
            "content locked", "article locked", "locked content", "tp container", "tp modal", "piano container",
            "poool widget", "paid content");

    /** Class words of a last paragraph that fades out or is cut above the paywall. */
    static final Set<String> FADE_WORDS = Set.of(
            "fade", "faded", "fadeout", "blur", "blurred", "truncated", "truncate", "gradient", "preview");

    /** {@code article:content_tier} values of a locked or metered article, and of a free one. */
    static final Set<String> LOCKED_TIERS = Set.of("locked", "metered", "premium", "paid", "subscriber", "subscription");
    static final Set<String> FREE_TIERS = Set.of("free", "open");

    private PaywallWords() {
    }

    /**
     * Subscription offers and paywall notices. A line goes on a phrase only an offer uses ("Jetzt
     * weiterlesen mit ...", "La suite est réservée aux abonnés"), or on two cues of an offer together
     * (access, a low price, a trial, a period, the subscription itself): news about subscriptions
     * ("Subscribers now pay $15.49 a month") has one.
     */
    private static final Pattern OFFER_PHRASE = Pattern.compile(
            "(?iU)^\\W*(jetzt|now) (abonnieren|subscribe|weiterlesen|testen|upgraden)\\b|"
                    + "\\b(réservée?s? aux abonnés|reserved for (subscribers|members)|nur für abonnenten|solo para suscriptores|"
                    + "exclusivo para assinantes|riservato agli abbonati|только для подписчиков|лише для передплатників)|"
                    + "\\bil vous reste .{0,20}(à lire|de cet article)|\\bla suite est réservée|\\b(découvrez|voir) nos offres\\b|"
                    + "有料会員|会員限定|有料記事");
    private static final Pattern[] OFFER_CUES = {
        Pattern.compile("(?iU)\\b(get|gain|unlock) (full |unlimited |instant )?access\\b|\\bzugang zu allen\\b|"
                + "\\baccès illimité\\b|\\bacceso ilimitado\\b"),
        Pattern.compile("(?iU)\\b(for|für|pour|por) (only|just|as little as|nur|seulement|solo|sólo|apenas) \\p{Sc}?\\s?\\d"),
        Pattern.compile("(?iU)\\b\\d+ (wochen|weeks|monate|months|mois|meses|mesi) (für|for|pour|por|per)\\b"),
        Pattern.compile("(?iU)\\b(testen|free trial|kostenlos testen|essai gratuit|prueba gratis)\\b"),
        Pattern.compile("(?iU)(subscri|abonn|premium[- ]?(artikel|articles?|content|inhalte|abo|zugang|access|plus|members?)|"
                + "membership|suscrip|assinatura|abbonament|подписк|передплат)"),
    };

    /** Substrings one of which every subscription offer contains (the regexes are tried only then: they are slow). */
    private static final String[] OFFER_STEMS = {
        "abonn", "subscri", "weiterlesen", "testen", "upgrad", "access", "zugang", "accès", "acceso", "premium", "trial",
        "for only", "for just", "as little as", "für nur", "pour seulement", "por solo", "por sólo", "por apenas",
        "vous reste", "la suite", "nos offres", "wochen", "weeks", "monate", "months", "mois", "meses", "mesi",
        "member", "suscri", "assinant", "abbonat", "подпис", "передплат", "有料", "会員", "reading", "register", "sign in",
        "login", "log in", "account", "riservato", "читати", "читання", "прочитати", "читать", "чтение", "прочитать"};

    /**
     * A subscription offer or paywall notice (lower: the line in lower case): one phrase only an offer uses, a call
     * to subscribe to read on, or two cues of an offer together.
     */
    static boolean isOffer(String lower, String t) {
        if (!containsAny(lower, OFFER_STEMS)) {
            return false;
        }
        if (OFFER_PHRASE.matcher(t).find() || CONTINUE_CALL.matcher(t).find()) {
            return true;
        }
        int cues = 0;
        for (Pattern cue : OFFER_CUES) {
            if (cue.matcher(t).find() && ++cues == 2) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String s, String[] parts) {
        for (String p : parts) {
            if (s.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
