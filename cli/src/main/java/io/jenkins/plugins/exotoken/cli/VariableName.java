package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.env.TokenEnvironment;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of a {@code --*-env VAR} option: the name of the variable that holds a secret. A value that is no
 * variable name is most likely the secret itself, so the refusal does not repeat it.
 */
final class VariableName implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        if (!TokenEnvironment.isVariableName(value)) {
            throw new TypeConversionException("it takes the name of an environment variable (letters, digits and _,"
                    + " not starting with a digit), not the secret itself; the value is not repeated here, in case it"
                    + " is one. Export the secret in a variable, e.g. export EXO_SECRET=…, and give its name");
        }
        return value;
    }
}
