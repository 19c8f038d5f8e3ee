package io.moderato.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 7396's own examples (appendix A), and that the target is left unchanged. */
class MergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{'a':'b'}|{'a':'c'}|{'a':'c'}",
            "{'a':'b'}|{'b':'c'}|{'a':'b','b':'c'}",
            "{'a':'b'}|{'a':null}|{}",
            "{'a':'b','b':'c'}|{'a':null}|{'b':'c'}",
            "{'a':['b']}|{'a':'c'}|{'a':'c'}",
            "{'a':'c'}|{'a':['b']}|{'a':['b']}",
            "{'a':{'b':'c'}}|{'a':{'b':'d','c':null}}|{'a':{'b':'d'}}",
            "{'a':[{'b':'c'}]}|{'a':[1]}|{'a':[1]}",
            "['a','b']|['c','d']|['c','d']",
            "{'a':'b'}|['c']|['c']",
            "{'a':'foo'}|null|null",
            "{'a':'foo'}|'bar'|'bar'",
            "{'e':null}|{'a':1}|{'e':null,'a':1}",
            "[1,2]|{'a':'b','c':null}|{'a':'b'}",
            "{}|{'a':{'bb':{'ccc':null}}}|{'a':{'bb':{}}}"})
    void rfc7396Examples(String target, String patch, String result) throws Exception {
        assertEquals(json(result), MergePatch.apply(json(target), json(patch)));
    }

    @Test
    void theTargetIsNotChanged() throws Exception {
        JsonNode target = json("{'a':{'b':1},'c':2}");
        MergePatch.apply(target, json("{'a':{'b':null},'c':null}"));
        assertEquals(json("{'a':{'b':1},'c':2}"), target);
    }
}
