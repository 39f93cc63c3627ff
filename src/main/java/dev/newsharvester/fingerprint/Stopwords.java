package dev.newsharvester.fingerprint;

import java.util.Set;

/**
 * Function words (English, Ukrainian, Russian) of three letters or more, plus a few words every
 * news report uses ("said", "according"): they say nothing about which story a text tells.
 */
final class Stopwords {

    private Stopwords() {
    }

    static boolean contains(String lowerCaseWord) {
        return WORDS.contains(lowerCaseWord);
    }

    // Set.copyOf tolerates the words the languages share.
    private static final Set<String> WORDS = Set.copyOf(java.util.Arrays.asList(
            // English
            "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one",
            "our", "out", "has", "him", "his", "how", "its", "may", "new", "now", "own", "who", "did", "get",
            "let", "she", "too", "use", "way", "about", "above", "after", "again", "against", "also", "been",
            "before", "being", "below", "between", "both", "could", "does", "doing", "down", "during", "each",
            "from", "further", "have", "having", "here", "hers", "herself", "himself", "into", "itself", "just",
            "more", "most", "myself", "only", "other", "ours", "over", "same", "should", "some", "such", "than",
            "that", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
            "through", "under", "until", "very", "were", "what", "when", "where", "which", "while", "whom",
            "why", "will", "with", "would", "your", "yours", "yourself", "said", "says", "according", "told",
            "because", "off", "once", "upon", "like", "yet", "via", "per", "within", "without", "among",
            // Ukrainian
            "але", "або", "абощо", "аж", "без", "біля", "був", "була", "були", "було", "бути", "буде", "будуть",
            "вже", "від", "він", "вона", "вони", "воно", "все", "всі", "всіх", "втім", "для", "до", "додав",
            "додала", "його", "які", "якій", "який", "яка", "яке", "якщо", "коли", "котрий", "лише", "між",
            "мене", "мені", "має", "мають", "може", "можуть", "над", "нас", "наш", "наша", "наші", "не", "нам",
            "них", "ній", "нього", "неї", "про", "при", "під", "після", "пізніше", "проти", "раніше", "себе",
            "свої", "свій", "своє", "своїх", "також", "так", "там", "тим", "тих", "то", "того", "тому", "тоді",
            "тут", "цей", "цього", "цієї", "цих", "цим", "цю", "чи", "через", "що", "щоб", "щодо", "яких", "якого",
            "якої", "заявив", "заявила", "зазначив", "зазначила", "повідомив", "повідомила", "повідомляє",
            "сказав", "сказала", "саме", "ще", "вже", "однак", "проте", "адже", "зокрема", "тобто",
            // Russian
            "без", "был", "была", "были", "было", "быть", "будет", "вам", "вас", "весь", "все", "всё", "всех",
            "где", "для", "его", "ему", "если", "есть", "еще", "ещё", "или", "как", "кто", "когда", "который",
            "которая", "которые", "которых", "которого", "котором", "меня", "мне", "может", "над", "нас", "наш",
            "него", "нее", "неё", "нет", "них", "ним", "она", "они", "оно", "очень", "под", "при", "про",
            "после", "потому", "себя", "так", "также", "там", "тем", "того", "тоже", "только", "том", "тут",
            "уже", "чем", "что", "чтобы", "это", "этого", "этой", "этом", "эти", "этих", "этот", "заявил",
            "заявила", "отметил", "отметила", "сообщил", "сообщила", "сообщает", "сказал", "сказала", "однако",
            "между", "через", "против", "перед", "около", "именно"));
}
