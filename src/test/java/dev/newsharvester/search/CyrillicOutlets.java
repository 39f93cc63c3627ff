package dev.newsharvester.search;

import dev.newsharvester.fetch.LoopbackHttpServer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Two outlets on loopback servers that write in Ukrainian ({@code hromada}) and Russian ({@code vesti}): an RSS feed
 * and full article pages each, with inflected forms of the same words ("вибори", "виборів", "виборах"; "выборы",
 * "выборов", "выборах") for the search tests, beside the English demo site.
 */
final class CyrillicOutlets implements AutoCloseable {

    /** One article: its outlet, path, language, publication time, headline, author and paragraphs. */
    record Page(String outlet, String path, String lang, String published, String title, String author, List<String> paragraphs) {
    }

    static final List<Page> PAGES = List.of(
            new Page("hromada", "/news/2025/08/20/misceve-samovryaduvannya", "uk", "2025-08-20T10:15:00+03:00",
                    "ЦВК назвала умови проведення місцевих виборів після війни", "Олена Кравчук", List.of(
                    "Центральна виборча комісія представила депутатам бачення того, як пройдуть місцеві вибори після"
                            + " скасування воєнного стану. Голова комісії наголосив, що підготовка до виборів триватиме"
                            + " щонайменше пів року після завершення бойових дій.",
                    "За словами членів комісії, на виборах мають змогу проголосувати внутрішньо переміщені особи та"
                            + " військові. Для цього доведеться оновити державний реєстр виборців і відновити роботу"
                            + " дільниць у громадах, які постраждали від обстрілів.",
                    "Експерти громадянської мережі ОПОРА вважають, що без окремого закону про повоєнні вибори"
                            + " провести голосування чесно буде складно. Вони пропонують залучити міжнародних"
                            + " спостерігачів і запровадити електронний облік виборців.")),
            new Page("hromada", "/news/2025/08/22/opaliuvalnyi-sezon-kharkiv", "uk", "2025-08-22T08:40:00+03:00",
                    "Харків готує котельні до опалювального сезону", "Андрій Литвин", List.of(
                    "Комунальники Харкова завершують ремонт котелень і теплових мереж перед початком опалювального"
                            + " сезону. У місті замінили понад дванадцять кілометрів труб, пошкоджених під час обстрілів.",
                    "Міська рада закупила мобільні котельні та генератори для лікарень і шкіл, щоб тепло не"
                            + " зникало навіть після ударів по енергетиці. Частину обладнання передали міжнародні партнери.",
                    "Мешканців просять перевірити батареї у квартирах та повідомити про протікання до кінця"
                            + " вересня, поки бригади ще мають час на ремонт внутрішньобудинкових систем.")),
            new Page("vesti", "/ru/2025/08/20/vybory-v-regionah", "ru", "2025-08-20T12:00:00+03:00",
                    "Эксперты обсудили подготовку к выборам в регионах", "Игорь Смирнов", List.of(
                    "Участники круглого стола обсудили, как будут проходить выборы в регионах после отмены"
                            + " военного положения. По их оценке, подготовка к выборам займёт не меньше полугода.",
                    "Особое внимание эксперты уделили тому, чтобы на выборах смогли проголосовать переселенцы"
                            + " и военнослужащие. Для этого нужно обновить реестр избирателей и восстановить участки.",
                    "Наблюдатели считают, что без отдельного закона о послевоенных выборах провести голосование"
                            + " честно будет трудно, и предлагают пригласить международных наблюдателей.")),
            new Page("vesti", "/ru/2025/08/25/urozhai-zerna", "ru", "2025-08-25T09:30:00+03:00",
                    "Аграрии собрали больше двадцати миллионов тонн зерна", "Мария Петренко", List.of(
                    "Аграрии намолотили более двадцати миллионов тонн зерна нового урожая, сообщили в министерстве."
                            + " Темпы уборки пока отстают от прошлогодних из-за дождей в центральных областях.",
                    "Больше всего собрали пшеницы и ячменя, уборка кукурузы и подсолнечника только начинается."
                            + " Аналитики ожидают, что общий урожай зерна составит около пятидесяти шести миллионов тонн.",
                    "Экспорт зерна через порты Дуная и Одессы в августе вырос, несмотря на атаки на портовую"
                            + " инфраструктуру, добавили в ассоциации зернотрейдеров.")));

    private final LoopbackHttpServer hromada = LoopbackHttpServer.start();
    private final LoopbackHttpServer vesti = LoopbackHttpServer.start();

    CyrillicOutlets() {
        for (String outlet : List.of("hromada", "vesti")) {
            LoopbackHttpServer server = server(outlet);
            StringBuilder items = new StringBuilder();
            for (Page p : PAGES) {
                if (p.outlet().equals(outlet)) {
                    server.content(p.path(), "text/html; charset=utf-8", html(p, server.base()));
                    items.append("<item><title>").append(p.title()).append("</title><link>").append(server.base())
                            .append(p.path()).append("</link><pubDate>").append(rfc822(p.published()))
                            .append("</pubDate></item>\n");
                }
            }
            server.content("/rss.xml", "application/rss+xml; charset=utf-8", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>%s</title><link>%s/</link><description>news</description>
                    %s</channel></rss>
                    """.formatted(outlet, server.base(), items));
        }
    }

    private LoopbackHttpServer server(String outlet) {
        return outlet.equals("hromada") ? hromada : vesti;
    }

    /** The two outlets' profiles, to append to the demo site's outlets YAML. */
    String outletsYaml() {
        StringBuilder y = new StringBuilder();
        for (String outlet : List.of("hromada", "vesti")) {
            String base = server(outlet).base();
            y.append("""
                      - id: %s
                        name: %s
                        language: %s
                        timezone: Europe/Kyiv
                        feeds: [%s/rss.xml]
                        sitemaps: []
                        listings: []
                        articlePattern: '^%s/(ru/)?(news/)?\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+$'
                        crawlDelay: PT0S
                    """.formatted(outlet, outlet, outlet.equals("hromada") ? "uk" : "ru", base, Pattern.quote(base)));
        }
        return y.toString();
    }

    private static String rfc822(String iso) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.OffsetDateTime.parse(iso));
    }

    private static String html(Page p, String base) {
        StringBuilder body = new StringBuilder();
        p.paragraphs().forEach(par -> body.append("<p>").append(par).append("</p>\n"));
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><title>%s</title>
                <link rel="canonical" href="%s%s">
                <meta property="og:type" content="article"><meta property="og:title" content="%s">
                <meta property="article:published_time" content="%s"><meta name="author" content="%s">
                </head><body><header><nav><a href="/">Головна</a> <a href="/rss.xml">RSS</a></nav></header>
                <main><article><h1>%s</h1><p class="byline">%s</p><time datetime="%s"></time>
                %s</article></main><footer>© 2025</footer></body></html>
                """.formatted(p.lang(), p.title(), base, p.path(), p.title(), p.published(), p.author(), p.title(),
                p.author(), p.published(), body);
    }

    @Override
    public void close() {
        hromada.close();
        vesti.close();
    }
}
