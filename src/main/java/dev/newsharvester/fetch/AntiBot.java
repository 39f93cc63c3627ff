package dev.newsharvester.fetch;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises anti-bot challenge and block pages (Cloudflare, DataDome, Imperva, PerimeterX, Sucuri, Akamai,
 * DDoS-Guard, AWS WAF, generic captchas), so they are reported as BLOCKED instead of being stored as articles.
 *
 * <p>Signatures are chosen to avoid false positives on normal pages: Cloudflare injects
 * {@code /cdn-cgi/challenge-platform/} into ordinary pages, and article pages often embed reCAPTCHA in comment
 * forms, so for 2xx responses a bare "captcha" only counts in the {@code <title>}.
 */
final class AntiBot {

    private static final int SCAN_BYTES = 64 * 1024;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]{0,300})</title>");

    /** Body substrings (lower case) that only challenge or block pages contain. */
    private static final Map<String, String> STRONG = Map.ofEntries(
            Map.entry("cf-chl", "Cloudflare challenge"),
            Map.entry("_cf_chl_opt", "Cloudflare challenge"),
            Map.entry("cf-browser-verification", "Cloudflare challenge"),
            Map.entry("captcha-delivery.com", "DataDome captcha"),
            Map.entry("_incapsula_resource", "Imperva/Incapsula challenge"),
            Map.entry("incapsula incident id", "Imperva/Incapsula block"),
            Map.entry("px-captcha", "PerimeterX captcha"),
            Map.entry("sucuri website firewall", "Sucuri firewall block"),
            Map.entry("ddos-guard.net/", "DDoS-Guard check"),
            Map.entry("awswafintegration", "AWS WAF challenge"));

    /** Page titles (lower case) of challenge pages. */
    private static final List<Map.Entry<String, String>> TITLES = List.of(
            Map.entry("just a moment...", "Cloudflare challenge"),
            Map.entry("attention required! | cloudflare", "Cloudflare block"),
            Map.entry("ddos-guard", "DDoS-Guard check"),
            Map.entry("access denied", "access denied page"),
            Map.entry("are you a robot", "bot check"),
            Map.entry("captcha", "captcha page"));

    private AntiBot() {
    }

    /** A short description of the anti-bot mechanism that produced this response, or null if none is recognised. */
    static String detect(int status, HttpHeaders headers, byte[] body) {
        String mitigated = headers.firstValue("cf-mitigated").orElse("");
        if (mitigated.equalsIgnoreCase("challenge")) {
            return "Cloudflare challenge (cf-mitigated header)";
        }
        String waf = headers.firstValue("x-amzn-waf-action").orElse("").toLowerCase(Locale.ROOT);
        if (waf.equals("challenge") || waf.equals("captcha")) {
            return "AWS WAF " + waf;
        }
        if (body.length == 0) {
            return null;
        }
        String head = new String(body, 0, Math.min(body.length, SCAN_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : STRONG.entrySet()) {
            if (head.contains(e.getKey())) {
                return e.getValue() + " (\"" + e.getKey() + "\")";
            }
        }
        Matcher m = TITLE.matcher(head);
        if (m.find()) {
            String title = m.group(1).strip();
            // On a 2xx page the title may be a headline ("New captcha rules ..."): only short, page-like titles count.
            boolean pageLikeTitle = status >= 400 || title.length() <= 40;
            for (Map.Entry<String, String> e : TITLES) {
                if (title.contains(e.getKey()) && pageLikeTitle) {
                    return e.getValue() + " (title \"" + title + "\")";
                }
            }
        }
        if (status >= 400 && head.contains("captcha")) {
            return "captcha page";
        }
        return null;
    }
}
