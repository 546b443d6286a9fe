package dev.reservewatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.reservewatch.contract.Language;

/** Which language a request asks for: {@code ?lang=} first, then {@code Accept-Language} weighed by q-values. */
class LanguagesTest {

    @ParameterizedTest(name = "lang={0}, Accept-Language: {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-     | -                                  | EN",
            "-     | zh                                 | ZH",
            "-     | zh-CN                              | ZH",
            "-     | zh-Hans                            | ZH",
            "-     | zh-Hant-HK                         | ZH",
            "-     | ZH-cn                              | ZH",
            "-     | en-US                              | EN",
            "-     | fr                                 | EN",
            "-     | *                                  | EN",
            "-     | fr-FR, zh;q=0.5                    | ZH",
            "-     | zh;q=0.8, en;q=0.9                 | EN",
            "-     | en;q=0.5, zh-CN;q=0.9              | ZH",
            "-     | zh-CN,zh;q=0.9,en;q=0.8            | ZH",
            "-     | en, zh                             | EN",
            "-     | *;q=0.1, zh;q=0.2                  | ZH",
            "-     | zh;q=0, en;q=0.1                   | EN",
            "-     | zh;q=0                             | EN",
            "-     | zh;q=abc                           | EN",
            "-     | ;;,                                | EN",
            "zh    | en                                 | ZH",
            "zh-CN | -                                  | ZH",
            "en    | zh                                 | EN",
            "fr    | zh                                 | EN",
    })
    void negotiatesTheLanguage(String lang, String acceptLanguage, Language expected) {
        assertThat(Languages.negotiate(lang, acceptLanguage)).isEqualTo(expected);
    }
}
