package dev.newsharvester.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.extract.Article;
import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.extract.Extraction;
import dev.newsharvester.fingerprint.Fingerprint;
import dev.newsharvester.fingerprint.Fingerprinter;
import dev.newsharvester.store.CleanCopy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Clean saved pages: print the article text (or JSON), or write one file per page with --out.")
final class ExtractCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", description = "The page's URL (resolves relative links; default: the file's URI).")
    String url;

    @Option(names = "--json", description = "JSON with url, title, authors, published, modified, language, text, wordCount, access, sha256, simhash.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Write NAME.txt (or NAME.json) per input file into DIR; nothing for a page rejected as not an article (exit code 1).")
    Path out;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Saved HTML pages.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        ArticleExtractor extractor = new ArticleExtractor();
        PrintStream stdout = System.out;
        if (out == null && files.size() > 1) {
            throw new IllegalArgumentException("several files need --out DIR (one output file per page)");
        }
        int failed = 0;
        int done = 0;
        for (Path file : files) {
            String html;
            try {
                html = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                System.err.println("error: no such file: " + file);
                failed++;
                continue;
            }
            String pageUrl = url != null ? url : file.toAbsolutePath().toUri().toString();
            Extraction x = extractor.extract(html, pageUrl, null, ZoneOffset.UTC);
            String rendered = json ? json(x, pageUrl) : (x.isArticle() ? x.article().text() + "\n" : "");
            if (!x.isArticle()) {
                System.err.println("not an article: " + file + ": " + x.notArticleReason());
                failed++;
            }
            if (out == null) {
                stdout.print(rendered);
            } else if (x.isArticle()) { // a rejected page gets no output file
                Files.createDirectories(out);
                String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                Files.writeString(out.resolve(name + (json ? ".json" : ".txt")), rendered, StandardCharsets.UTF_8);
                done++;
                if (files.size() >= 20 && done % 50 == 0) {
                    System.err.printf("%d/%d pages%n", done, files.size());
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }

    static String json(Extraction x, String pageUrl) throws IOException {
        ObjectNode o = Json.MAPPER.createObjectNode();
        if (!x.isArticle()) {
            o.put("url", pageUrl);
            o.put("notArticle", x.notArticleReason());
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
        }
        Article a = x.article();
        CleanCopy.putArticle(o, a, Fingerprinter.of(a.text()));
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    }
}
