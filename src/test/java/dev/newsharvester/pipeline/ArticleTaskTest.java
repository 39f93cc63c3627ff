package dev.newsharvester.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArticleTaskTest {

    @Test
    void rejectsMissingFieldsWithTheFieldName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ArticleTask("unn", " "));
        assertEquals("article task needs a \"url\"", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ArticleTask(null, "https://unn.ua/en/news/x"));
    }
}
