package concbench.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An option's {@code yes} or {@code no}, as the user writes it. */
final class YesOrNo implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new TypeConversionException("must be yes or no, got '" + value + "'");
        };
    }
}
