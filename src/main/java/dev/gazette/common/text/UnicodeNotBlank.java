package dev.gazette.common.text;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * {@code @NotBlank} as a reader sees it: a value made only of spaces is blank whatever the space
 * (a no-break space, an em space, an ideographic space), not only ASCII ones, which is all the
 * built-in check trims. So a title of {@code "\u00A0\u2003"} is refused with 422 like {@code "  "}.
 */
@ApplicationScoped
public class UnicodeNotBlank implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false).validatedBy(Check.class);
        configuration.addMapping(mapping);
    }

    /** Whether the text has a character that is neither whitespace nor a space separator. */
    public static boolean hasText(CharSequence value) {
        return value != null && value.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c));
    }

    public static class Check implements ConstraintValidator<NotBlank, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return hasText(value);
        }
    }
}
