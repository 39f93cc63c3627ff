package dev.newsharvester.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * The languages the index analyses text in, and which one an article is read in. Each article's title and body go
 * to the fields of one language ({@code title_en}, {@code body_uk}, ...); a query is analysed for every language and
 * searches all of them, so "elections" finds English articles and "виборів" finds Ukrainian ones.
 *
 * <p>English and Russian use Lucene's analyzers (Porter and Snowball stemmers, stop words); Ukrainian uses {@link
 * UkrainianStemmer}, a light stemmer of our own (Lucene's Ukrainian analyzer needs the Morfologik dictionaries, which
 * resolve here only for Lucene 9).
 */
final class Languages {

    static final List<String> CODES = List.of("en", "uk", "ru");

    private static final CharArraySet UKRAINIAN_STOP = new CharArraySet(List.of("і", "й", "та", "в", "у", "на", "з",
            "із", "зі", "до", "що", "не", "за", "як", "це", "по", "від", "для", "а", "але", "або", "чи", "його", "її",
            "їх", "він", "вона", "вони", "ми", "ви", "я", "ти", "так", "же", "би", "б", "щоб", "то", "про", "при",
            "через", "після", "під", "над", "які", "який", "яка", "яке"), false);

    private Languages() {
    }

    /**
     * The language an article's text is analysed in: by its script first (text without Cyrillic is read as English;
     * letters only Ukrainian has, і ї є ґ, against those only Russian has, ы э ъ ё), then by its declared language.
     */
    static String of(String declared, String text) {
        int cyrillic = 0;
        int latin = 0;
        int uk = 0;
        int ru = 0;
        for (int i = 0, n = Math.min(text.length(), 20_000); i < n; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c >= 'a' && c <= 'z') {
                latin++;
            } else if (c >= 'а' && c <= 'ї' || c == 'ґ') {
                cyrillic++;
                if (c == 'і' || c == 'ї' || c == 'є' || c == 'ґ') {
                    uk++;
                } else if (c == 'ы' || c == 'э' || c == 'ъ' || c == 'ё') {
                    ru++;
                }
            }
        }
        String lang = declared == null ? "" : declared.toLowerCase(java.util.Locale.ROOT);
        if (cyrillic == 0 && latin == 0) {
            return lang.startsWith("uk") ? "uk" : lang.startsWith("ru") ? "ru" : "en";
        }
        if (cyrillic <= latin) {
            return "en";
        }
        if (uk != ru) {
            return uk > ru ? "uk" : "ru";
        }
        return lang.startsWith("ru") ? "ru" : "uk";
    }

    /** The analyzer of each field: the language's for {@code title_xx}/{@code body_xx}, the standard one elsewhere. */
    static Analyzer perField() {
        Map<String, Analyzer> fields = new HashMap<>();
        for (String code : CODES) {
            Analyzer a = analyzer(code);
            fields.put(Fields.title(code), a);
            fields.put(Fields.body(code), a);
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(CharArraySet.EMPTY_SET), fields);
    }

    static Analyzer analyzer(String code) {
        return switch (code) {
            case "en" -> new EnglishAnalyzer();
            case "ru" -> new RussianAnalyzer();
            case "uk" -> new UkrainianAnalyzer();
            default -> throw new IllegalArgumentException("no analyzer for language " + code + "; known: " + CODES);
        };
    }

    /** Stop words of every language, for dropping a query word that one of the analyzers would drop. */
    static boolean isStopWord(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w) || UKRAINIAN_STOP.contains(w)
                || RussianAnalyzer.getDefaultStopSet().contains(w);
    }

    /** Standard tokens, lower-cased, apostrophes inside words removed, Ukrainian stop words dropped, stemmed. */
    static final class UkrainianAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new LowerCaseFilter(source);
            s = new StopFilter(s, UKRAINIAN_STOP);
            return new TokenStreamComponents(source, new UkrainianStemFilter(s));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    /** Applies {@link UkrainianStemmer} to Cyrillic tokens not marked as keywords. */
    static final class UkrainianStemFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

        UkrainianStemFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws java.io.IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (!keyword.isKeyword()) {
                int len = removeApostrophes(term.buffer(), term.length());
                term.setLength(UkrainianStemmer.stem(term.buffer(), len));
            }
            return true;
        }

        private static int removeApostrophes(char[] buf, int len) {
            int out = 0;
            for (int i = 0; i < len; i++) {
                char c = buf[i];
                if (c != '\'' && c != '’' && c != 'ʼ') {
                    buf[out++] = c;
                }
            }
            return out;
        }
    }

}
