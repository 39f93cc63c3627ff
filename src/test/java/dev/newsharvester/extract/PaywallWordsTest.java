package dev.newsharvester.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The paywall vocabulary: calls to subscribe to read on in en/uk/ru (and more), and look-alikes that are not. */
class PaywallWordsTest {

    private static boolean offer(String line) {
        return PaywallWords.isOffer(line.toLowerCase(Locale.ROOT), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Subscribe to continue reading",
        "Create a free account to keep reading",
        "To continue reading, please subscribe or sign in.",
        "This article is only available to subscribers.",
        "Already a subscriber? Sign in",
        "Subscribers only",
        "Передплатіть «Вісник+», щоб читати далі: перший місяць за 1 гривню.",
        "Цей матеріал доступний лише для передплатників.",
        "Оформите подписку, чтобы продолжить чтение.",
        "Этот материал доступен только по подписке.",
        "Уже есть подписка? Войдите",
        "Jetzt weiterlesen mit MK+",
        "La suite est réservée aux abonnés.",
        "Unlock full access to every Ledger story for just £1 a week for your first three months."})
    void callsToPayToReadOn(String line) {
        assertTrue(offer(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Subscribe to the Gazette's free weekly newsletter and get the week's top stories every Friday morning.",
        "Subscribe to the CNA Telegram channel so you do not miss the main news of the day.",
        "Subscribe",
        "Ferry pass subscribers now pay £14.50 a month for unlimited foot crossings.",
        "Підпишіться на наш Telegram-канал",
        "Подписывайтесь на нашу рассылку",
        "Continue reading below the advertisement",
        "The app's new route planner will be for subscribers only, the company said on Thursday."})
    void newsletterAppealsAndNewsAboutSubscriptionsAreNot(String line) {
        assertFalse(offer(line), line);
    }
}
