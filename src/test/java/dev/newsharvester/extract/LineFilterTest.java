package dev.newsharvester.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The line rules, one line at a time and on runs of lines, in the languages the outlets write in. */
class LineFilterTest {

    private static final LineFilter.Context CTX =
            new LineFilter.Context("Ferry operator orders two electric boats", List.of("Ailsa Grant"));

    private static final String PROSE = "The council met on Tuesday and agreed, after a long debate, to keep the "
            + "old timetable for the winter months.";

    private static List<String> filter(Block... blocks) {
        List<String> out = new ArrayList<>();
        for (Block b : LineFilter.filter(List.of(blocks), CTX)) {
            out.add(b.text());
        }
        return out;
    }

    private static Block para(String text) {
        return new Block(text, Block.Kind.PARAGRAPH);
    }

    private static Block link(String text) {
        return new Block(text, Block.Kind.PARAGRAPH, TextStats.nonSpace(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Advertisement", "Реклама", "Anzeige", "Publicidad", "Iklan", "Text size", "Image 2 of 5", "Loading...",
            "%d bloggers like this:", "$$ARTICLE_AD$$", "{{ related_box }}", "|", "• • •",
            "(Reporting by Will Dunham; Editing by Tom Brown)", "Jessica Napoli contributed to this report.",
            "Write to Al Root at al.root@example.com", "Follow him on Twitter @ailsagrant",
            "First Published on Nov 20, 2019 01:38 pm", "Updated at 1:23 p.m.", "Stand: 22.04.2024, 06:00 Uhr",
            "segunda-feira, 22 de janeiro de 2018 às 0:13", "Опубліковано 12 березня 2025, 14:30",
            "New Delhi | Updated : 19 November 2019, 09:01 AM", "Posted on March 30, 2015 by Admin",
            "기사입력 :[ 2018-09-28 17:32 ]", "Kyiv • CNA", "By Ailsa Grant", "Ferry operator orders two electric boats",
            "By Jane Doe and Tom O'Neill", "Von Anna Sleegers, Frankfurt", "Von t-online, jse", "Від Ірини Коваль",
            "Par Jean-Luc Martin", "Por María José García y Luis Pérez", "박준석 기자 외 1명", "渡辺洋介 記者",
            "Island transportFerry operator orders two electric boats",
            "Читайте також: Уряд затвердив тарифи", "Related post: How to dry herbs", "Tags: ferries, islands",
            "Share this article", "Facebook Twitter Email", "1 482 views", "5 min read", "Lesedauer: 2 Min.",
            "Tempo de leitura: 1 minuto", "Reading time: 4 minutes", "Additional reporting by Joseph Hudak",
            "Follow AP's full coverage of Brexit at https://apnews.example/Brexit", "Mehr zum Thema", "Auch interessant",
            "Zum Artikel: Tarifrunde im ÖPNV", "(责编：牛镛、岳弘彬)", "小字号", "2min",
            "Would you like to comment on this article?", "Please read our Comment Policy before commenting.",
            "Sie mögen den Tag kompakt zusammengefasst? Dann sind Sie beim täglichen Courier-Newsletter richtig – hier entlang.",
            "For the latest breaking news from the Courier, sign up for our newsletter",
            "Aktuelle Nachrichten aufs Handy? Hier geht es zur neuen Courier-News-App – für Android und iOS.",
            "Just R20 for the first month. Support independent journalism by subscribing to our digital package.",
            "Got a story? Get in touch with our news team by emailing us at newsdesk@courier.example.",
            "Senden Sie uns Ihr Feedback zu diesem Artikel an: leserbriefe@kurier.example", "ailsa.grant@courier.example",
            "ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.", "Comments are moderated before they appear.",
            "Il vous reste 64% de cet article à lire. La suite est réservée aux abonnés.", "Article réservé aux abonnés",
            "Jetzt abonnieren und von der Vorlesefunktion profitieren.", "有料会員になると続きをお読みいただけます。",
            "Get unlimited access to all our journalism for only $1 a week.", "0:00 / 3:15", "00:00",
            "Filed under: Islands | Ferries", "Neueste Artikel", "Les plus lus", "Lo más leído", "Latest", "Related Roundup: Harbour ferries", "Related Coverage: Island buses", "Redaktion: Marta Lind, Ole Berg", "Edited by: Ann Lee and Tom Ruiz",
            "Übersetzung: Ana Kast, Redaktion: Theo Bauer, Schlussredaktion: Lea Schön", "Found a typo? Let us know.",
            "Fehler gefunden? Jetzt melden.", "Keith Lam contributed reporting from Hong Kong.", "SOURCE: News agencies",
            "(Quelle: APA/dpa)", "More AP Tennis: https://apnews.example/tennis", "Listen: https://pod.example/ep15",
            "[button link=\"https://site.example/submit/\" type=\"big\"]Send us your review[/button]", "Publicado em 05/10/2018 - Por: Ana Lima - Categoria: Saúde - Tags: vacina, gripe"})
    void dropsChromeLines(String line) {
        assertEquals(List.of(PROSE), filter(para(PROSE), para(line)), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UP NEXT", "Thunder: Host the Lakers on Friday.", "___", "2019 was the wettest year on record.",
            "By the numbers", "By most accounts, the law worked.", "Von den 116 Verletzten waren gut 80 im Krankenhaus.",
            "The newsletter, which goes to 40,000 readers, was closed by the council in March.", "$139.00",
            "Inquiry: 02-751-1500", "€ 12.50 / 3 km",
            "Addition", "Що потрібно знати мешканцям", "— Skerry Ferries (@SkerryFerries) November 4, 2025",
            "The price rose from 12.50 to 14.20 euros on 3 March.", "Він сказав: «Ми працюватимемо до ранку».",
            "Tipsters can contact the harbour police at tips@police.example or call 101.",
            "Ailsa Grant, ailsa.grant@courier.example", "Subscribers now pay $15.49 a month for the standard plan.",
            "The debate, moderated by the mayor, drew comments from forty residents.",
            "Finland applied to join NATO in May 2022.", "Villagers still cannot get access to clean water.",
            "The app costs for just $5 in the first month.", "Label: Sub Pop", "10:00 / 12:30", "Kategorie A: Ein Punkt.", "[1] Alarm fatigue: impacts on patient safety. Curr Opin. 2015; 28: 685-690.",
            "Source: the harbour board's annual report, published in March.", "[사진=JTBC]", "The council wants feedback on the plan at consultation@council.example by 30 June.",
            "Drivers can cut their premium for just £10 by adding a second named driver.", "More information: https://council.example/consultation", "Related to the case, police said two men were arrested on Friday.", "Redaktion: Die Redaktion hat den Text am Montag korrigiert.",
            "Editor: the tool most writers here use is a plain text editor."})
    void keepsArticleLines(String line) {
        assertEquals(List.of(PROSE, line, PROSE + " Again."), filter(para(PROSE), para(line), para(PROSE + " Again.")));
    }

    @Test
    void aLinkedHeadlineGoesButALinkedSentenceOrAddressStays() {
        assertEquals(List.of(PROSE, "The document dump isn't over yet.", "https://example.org/report.pdf"),
                filter(para(PROSE), link("Council tax: what changes in April"), link("The document dump isn't over yet."),
                        link("https://example.org/report.pdf")));
    }

    @Test
    void aRelatedLabelInTheMiddleGoesWithItsLinksOnly() {
        String after = "Police said the road would stay closed until the evening while the lorry was recovered.";
        assertEquals(List.of(PROSE, after), filter(para(PROSE), para("DON'T MISS"),
                link("China furious at Macron for protest jibe [INSIGHT]"), link("Storm warning for the weekend [VIDEO]"),
                para(after)));
    }

    @Test
    void aRelatedLabelAtTheEndGoes() {
        assertEquals(List.of(PROSE), filter(para(PROSE), para("Most read in Football")));
    }

    @Test
    void aRelatedLabelNearTheEndEndsTheArticle() {
        assertEquals(List.of(PROSE, PROSE + " Twice."), filter(para(PROSE), para(PROSE + " Twice."),
                para("More Great Courier Stories"),
                new Block("Why the island bus still runs on a timetable from 1994", Block.Kind.LIST_ITEM, 26),
                new Block("The lighthouse keepers' cottages go up for sale", Block.Kind.LIST_ITEM, 15),
                new Block("Want the best tools to get healthy? Check out our picks.", Block.Kind.LIST_ITEM, 20)));
    }

    @Test
    void theDescriptionAsASubheadingIsTheStandfirstButAsAParagraphItIsText() {
        String description = "The two vessels will replace diesel ferries on the Skerry crossing from 2027.";
        LineFilter.Context ctx = new LineFilter.Context("Ferry operator orders two electric boats", List.of(), description);
        List<Block> asHeading = LineFilter.filter(List.of(new Block(description, Block.Kind.HEADING), para(PROSE)), ctx);
        assertEquals(List.of(PROSE), asHeading.stream().map(Block::text).toList());
        List<Block> asParagraph = LineFilter.filter(List.of(para(description), para(PROSE)), ctx);
        assertEquals(List.of(description, PROSE), asParagraph.stream().map(Block::text).toList());
    }

    @Test
    void repeatsAndTrailingHeadingsGo() {
        Block heading = new Block("What happens next", Block.Kind.HEADING);
        String longPara = PROSE + " " + PROSE;
        assertEquals(List.of(longPara, PROSE), filter(para(longPara), para(longPara), para(PROSE), para(PROSE), heading));
    }
}
