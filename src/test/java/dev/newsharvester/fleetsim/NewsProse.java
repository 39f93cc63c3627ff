package dev.newsharvester.fleetsim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated English news prose for the simulated sites: a headline, an author and 5–9 paragraphs built from
 * word lists and sentence templates with a seeded {@link Random}, so that a given seed always gives the same
 * article and different seeds give different texts (each well over 150 words).
 */
public final class NewsProse {

    /** A generated article. */
    public record Story(String headline, String author, String section, List<String> paragraphs) {
        public int words() {
            return paragraphs.stream().mapToInt(p -> p.split("\\s+").length).sum();
        }
    }

    private static final String[] FIRST = {"Maria", "James", "Olena", "David", "Priya", "Thomas", "Aisha", "Lukas",
        "Sofia", "Daniel", "Hannah", "Marco", "Ingrid", "Samuel", "Chloe", "Viktor", "Leila", "Patrick", "Yuki", "Grace"};
    private static final String[] LAST = {"Kowalski", "Brennan", "Hughes", "Moreau", "Okafor", "Lindqvist", "Petrenko",
        "Alvarez", "Fischer", "Nakamura", "Whitfield", "Castellano", "Duarte", "Harrington", "Sorensen", "Mbeki",
        "Rossi", "Caldwell", "Novak", "Ferreira"};
    private static final String[] ROLE = {"the city's finance director", "a spokesperson for the ministry",
        "the regional governor", "an economist at the national bank", "the head of the port authority",
        "a senior union official", "the chair of the planning committee", "a researcher at the state university",
        "the company's chief executive", "an independent energy analyst", "the hospital's medical director",
        "a local business owner"};
    private static final String[] ORG = {"the transport ministry", "the city council", "the national grid operator",
        "the central bank", "the regional health board", "the water utility", "the port authority",
        "the education department", "the farmers' association", "the competition regulator", "the housing agency",
        "the statistics office"};
    private static final String[] PLACE = {"Riverton", "the northern districts", "Eastfield", "the coastal region",
        "Millbrook", "the capital", "Ashford", "the industrial belt", "Lakeside", "the border towns", "Harbourview",
        "the southern valley"};
    private static final String[] TOPIC = {"rail upgrade", "water tariff", "hospital expansion", "school meals programme",
        "bridge repair", "housing plan", "flood defence scheme", "bus network overhaul", "solar farm", "grain export deal",
        "tax reform", "port dredging contract", "broadband rollout", "district heating project", "wage agreement"};
    private static final String[] VERB = {"approved", "delayed", "criticised", "defended", "expanded", "suspended",
        "unveiled", "revised", "questioned", "backed", "postponed", "scaled back"};
    private static final String[] CONCERN = {"rising costs", "a shortage of skilled workers", "legal challenges",
        "objections from residents", "supply-chain delays", "an unexpected budget gap", "safety concerns",
        "pressure from neighbouring councils", "a dispute over land rights", "higher interest rates"};
    private static final String[] TIME = {"on Monday", "on Tuesday", "late on Wednesday", "on Thursday morning",
        "on Friday", "over the weekend", "earlier this month", "last week", "in a statement this afternoon",
        "after a lengthy meeting"};
    private static final String[] SECTION = {"Politics", "Economy", "Society", "Infrastructure", "Health", "Regions"};

    private static final String[] TEMPLATES = {
        "{ORG} {VERB} the {TOPIC} {TIME}, citing {CONCERN}.",
        "According to {PERSON}, {ROLE}, the {TOPIC} could cost as much as {MONEY} over the next {N} years.",
        "\"We have listened carefully to everyone in {PLACE},\" {PERSON} said, adding that the timetable remained under review.",
        "Residents of {PLACE} have waited {N} years for the {TOPIC}, and many say their patience is wearing thin.",
        "Figures published by {ORG} {TIME} showed that {PCT} percent of households in {PLACE} would be affected.",
        "{PERSON}, {ROLE}, warned that {CONCERN} could push the final bill well beyond the original estimate of {MONEY}.",
        "Opposition members {VERB} the decision, arguing that {ORG} had ignored {CONCERN} for far too long.",
        "The {TOPIC} is expected to create about {JOBS} jobs in {PLACE} once construction begins next spring.",
        "Critics point out that a similar {TOPIC} in {PLACE} was {VERB} {N} years ago after {CONCERN}.",
        "{ORG} said it would publish a detailed response within {N} weeks and invited further comments from the public.",
        "\"This is not the end of the discussion,\" said {PERSON}, who has followed the {TOPIC} since it was first proposed.",
        "Officials in {PLACE} estimate that traffic on the main road has grown by {PCT} percent since {YEAR}.",
        "A survey of {JOBS} residents found that most supported the {TOPIC}, although many were worried about {CONCERN}.",
        "The meeting {TIME} ended without agreement, and a second round of talks has been scheduled for next month.",
        "{PERSON} told reporters that {ORG} remained committed to the project but could not rule out further changes.",
        "Local newspapers in {PLACE} reported that contractors had already ordered materials worth {MONEY}.",
    };

    private NewsProse() {
    }

    /** The article for {@code seed}: the same seed gives the same story. */
    public static Story story(long seed) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + 17);
        String place = pick(r, PLACE);
        String topic = pick(r, TOPIC);
        String headline = capital(pick(r, ORG)) + " " + pick(r, VERB) + " " + place + " " + topic + " amid "
                + pick(r, CONCERN);
        String author = pick(r, FIRST) + " " + pick(r, LAST);
        int n = 5 + r.nextInt(5);
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            int sentences = 3 + r.nextInt(3);
            StringBuilder sb = new StringBuilder();
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    sb.append(' ');
                }
                sb.append(sentence(r, r.nextInt(3) == 0 ? pick(r, PLACE) : place, r.nextInt(3) == 0 ? pick(r, TOPIC) : topic));
            }
            paragraphs.add(sb.toString());
        }
        return new Story(headline, author, pick(r, SECTION), List.copyOf(paragraphs));
    }

    private static String sentence(Random r, String place, String topic) {
        String t = TEMPLATES[r.nextInt(TEMPLATES.length)];
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < t.length()) {
            int open = t.indexOf('{', i);
            if (open < 0) {
                out.append(t, i, t.length());
                break;
            }
            out.append(t, i, open);
            int close = t.indexOf('}', open);
            out.append(fill(r, t.substring(open + 1, close), place, topic));
            i = close + 1;
        }
        String s = out.toString();
        return s.startsWith("\"") ? s : capital(s);
    }

    private static String fill(Random r, String slot, String place, String topic) {
        return switch (slot) {
            case "ORG" -> pick(r, ORG);
            case "VERB" -> pick(r, VERB);
            case "TOPIC" -> topic;
            case "TIME" -> pick(r, TIME);
            case "CONCERN" -> pick(r, CONCERN);
            case "PERSON" -> pick(r, FIRST) + " " + pick(r, LAST);
            case "ROLE" -> pick(r, ROLE);
            case "PLACE" -> place;
            case "MONEY" -> "$" + (2 + r.nextInt(480)) + (r.nextBoolean() ? " million" : "." + r.nextInt(10) + " billion");
            case "N" -> Integer.toString(2 + r.nextInt(11));
            case "PCT" -> Integer.toString(3 + r.nextInt(80));
            case "JOBS" -> Integer.toString(120 + r.nextInt(4800));
            case "YEAR" -> Integer.toString(2005 + r.nextInt(19));
            default -> throw new IllegalArgumentException(slot);
        };
    }

    private static String pick(Random r, String[] words) {
        return words[r.nextInt(words.length)];
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
