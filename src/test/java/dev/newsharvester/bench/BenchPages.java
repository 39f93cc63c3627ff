package dev.newsharvester.bench;

import dev.newsharvester.extract.Article;
import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.extract.Extraction;
import dev.newsharvester.local.DemoSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Pages for the benchmarks: the real ones under the datasets folder, and the demo site's own. */
final class BenchPages {

    /** One page and the article extracted from it. {@code id} is its path under the datasets folder, without ".html". */
    record Page(String id, String html, String url, Article article) {
        String text() {
            return article.text();
        }
    }

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    private BenchPages() {
    }

    /** Every {@code *.html} under {@code datasets} that the extractor takes as an article, in path order. */
    static List<Page> datasets(Path datasets) throws IOException {
        if (!Files.isDirectory(datasets)) {
            throw new IllegalArgumentException("no datasets folder at " + datasets.toAbsolutePath()
                    + " (expected ../shared/datasets with aeb/ and fundus-dev/)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(datasets)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
        }
        return files.parallelStream().map(f -> {
            try {
                String html = Files.readString(f, StandardCharsets.UTF_8);
                String id = datasets.relativize(f).toString().replace('\\', '/').replaceFirst("\\.html$", "");
                Extraction e = EXTRACTOR.extract(html, null);
                return e.isArticle() ? new Page(id, html, null, e.article()) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).filter(p -> p != null).toList();
    }

    /** Extracts a page; null when it is no article. */
    static Article extract(String html, String url) {
        Extraction e = EXTRACTOR.extract(html, url);
        return e.isArticle() ? e.article() : null;
    }

    /** The demo site's round-1 article pages (served on loopback for the duration of the call). */
    static List<Page> demo() throws IOException, InterruptedException {
        List<Page> out = new ArrayList<>();
        try (DemoSite site = DemoSite.start()) {
            HttpClient http = HttpClient.newHttpClient();
            String index = new String(DemoSite.class.getClassLoader().getResourceAsStream("demo-site/index.txt").readAllBytes(),
                    StandardCharsets.UTF_8);
            for (String line : index.split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (line.startsWith("#") || f.length < 3 || !f[2].endsWith(".html")) {
                    continue;
                }
                String url = site.origin(f[0]) + f[1];
                String html = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Article a = extract(html, url);
                if (a != null) {
                    out.add(new Page("demo/" + f[0] + f[1], html, url, a));
                }
            }
        }
        return out;
    }

    /** A text file (the seed captures), as a page without HTML. */
    static Page textFile(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Article a = new Article(null, null, file.getFileName().toString(), List.of(), null, null, null, null, List.of(),
                null, null, text);
        return new Page("seeds/" + file.getFileName(), null, null, a);
    }
}
