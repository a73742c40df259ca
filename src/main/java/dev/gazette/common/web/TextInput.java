package dev.gazette.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every string read from a JSON body passes one check: {@link ControlCharacters} (tab, line
 * feed and carriage return are allowed, other controls and invalid Unicode are not). One
 * deserializer for {@code String} covers every field of every input record, lists of strings
 * and merge patches alike, so no field can forget it; the refusal names the field and becomes
 * a 422 problem ({@link ProblemMapper}).
 */
@Singleton
public class TextInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("gazette-text-input").addDeserializer(String.class, new CheckedString()));
    }

    /** A string field holding a refused character; the path says which field. */
    public static final class RefusedText extends JsonMappingException {
        RefusedText(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    static final class CheckedString extends StdScalarDeserializer<String> {

        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            String refused = ControlCharacters.firstRefused(value, true);
            if (refused != null) {
                throw new RefusedText(parser, ControlCharacters.message(refused));
            }
            return value;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
