package io.jenkins.plugins.exotoken;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Describable;
import io.jenkins.plugins.exotoken.source.GeneratedCertificateSource;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The data-binding contract of every Describable the plugin ships, found in the compiled classes (not listed by
 * hand): what Stapler, Configuration as Code and the Snippet Generator bind can be read back, what the form shows is
 * bound, every form field has help, and every message the code asks for exists.
 */
class DescriptorContractTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern FIELD = Pattern.compile("\\bfield=\"([A-Za-z0-9_]+)\"");
    private static final Pattern INCLUDE =
            Pattern.compile("<st:include page=\"([^\"]+)\" class=\"([A-Za-z0-9_.$]+)\"/>");
    // Hidden fields carry a stored value through the form; they show no help.
    private static final Pattern INVISIBLE = Pattern.compile("<f:invisibleEntry>.*?</f:invisibleEntry>", Pattern.DOTALL);
    private static final Pattern MESSAGE = Pattern.compile("\\bMessages\\.(_?)([A-Za-z0-9_]+)\\(");

    /** Inputs of a descriptor's {@code newInstance} (what to generate), deliberately not stored properties. */
    private static final Map<Class<?>, Set<String>> FORM_ONLY_INPUTS = Map.of(GeneratedCertificateSource.class,
            Set.of("commonName", "keySize", "validityDays", "generateSuccessor", "useSuccessor"));

    static Stream<Class<?>> describables() throws IOException {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replace(".class", "");
                Class<?> type = load(name);
                if (Describable.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())
                        && Modifier.isPublic(type.getModifiers())) {
                    found.add(type);
                }
            }
        }
        return found.stream();
    }

    @Test
    void theScanFindsTheDescribables() throws IOException {
        assertThat(describables().map(Class::getSimpleName)).contains("ExchangeOnlineAppCredentials",
                "UploadedCertificateSource", "ManagedIdentityVaultAccess", "ExoTokenStep", "ExoTokenBuildWrapper");
    }

    @ParameterizedTest
    @MethodSource("describables")
    void everyBoundPropertyHasAGetter(Class<?> type) {
        for (String property : boundProperties(type, false)) {
            assertThat(getter(type, property)).as("%s: getter for bound property %s", type.getSimpleName(), property)
                    .isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("describables")
    void everyFormFieldIsABoundPropertyAndHasHelp(Class<?> type) throws IOException {
        Set<String> fields = formFields(type);
        assertThat(fields).as("%s has a form", type.getSimpleName()).isNotEmpty();
        Set<String> bindable = new HashSet<>(boundProperties(type, true));
        bindable.addAll(FORM_ONLY_INPUTS.getOrDefault(type, Set.of()));
        bindable.addAll(Set.of("id", "description", "scope")); // the credentials plugin's id-and-description
        assertThat(bindable).as("%s: fields of its form", type.getSimpleName()).containsAll(fields);
        for (String field : fields) {
            assertThat(resourceDir(type).resolve("help-" + field + ".html"))
                    .as("%s: help for field %s", type.getSimpleName(), field).exists();
        }
    }

    @ParameterizedTest
    @MethodSource("describables")
    void everyHelpFileBelongsToAFormField(Class<?> type) throws IOException {
        Set<String> fields = formFields(type);
        try (Stream<Path> files = Files.list(resourceDir(type))) {
            List<String> helps = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("help-") && n.endsWith(".html"))
                    .map(n -> n.substring("help-".length(), n.length() - ".html".length()))
                    .collect(Collectors.toList());
            assertThat(fields).as("%s: fields for its help files", type.getSimpleName()).containsAll(helps);
        }
    }

    @Test
    void everyMessageTheCodeUsesExistsAndEveryMessageIsUsed() throws IOException {
        Properties messages = new Properties();
        try (var in = Files.newBufferedReader(RESOURCES.resolve("io/jenkins/plugins/exotoken/Messages.properties"),
                StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Matcher m = MESSAGE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(2).replace('_', '.'));
                }
            }
        }
        assertThat(messages.stringPropertyNames()).as("keys of Messages.properties").containsAll(used);
        assertThat(used).as("messages used in the code").containsAll(messages.stringPropertyNames());
    }

    /** Constructor parameters and setters; upload parameters ({@code FileItem}) are inputs, not properties. */
    private static List<String> boundProperties(Class<?> type, boolean withUploads) {
        List<String> properties = new ArrayList<>();
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    if (withUploads || !isUpload(parameter.getType())) {
                        properties.add(parameter.getName());
                    }
                }
            }
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class) && method.getName().startsWith("set")
                    && (withUploads || !isUpload(method.getParameterTypes()[0]))) {
                properties.add(decapitalize(method.getName().substring(3)));
            }
        }
        return properties;
    }

    private static boolean isUpload(Class<?> type) {
        return type.getName().startsWith("org.apache.commons.fileupload");
    }

    private static Method getter(Class<?> type, String property) {
        String capitalized = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String name : List.of("get" + capitalized, "is" + capitalized)) {
            try {
                Method method = type.getMethod(name);
                if (Modifier.isPublic(method.getModifiers())) {
                    return method;
                }
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return null;
    }

    private static Set<String> formFields(Class<?> type) throws IOException {
        Set<String> fields = new TreeSet<>();
        for (String view : List.of("config.jelly", "credentials.jelly")) {
            Path file = resourceDir(type).resolve(view);
            if (Files.exists(file)) {
                collectFields(file, fields);
            }
        }
        return fields;
    }

    private static void collectFields(Path jelly, Set<String> fields) throws IOException {
        String text = INVISIBLE.matcher(Files.readString(jelly, StandardCharsets.UTF_8)).replaceAll("");
        Matcher field = FIELD.matcher(text);
        while (field.find()) {
            fields.add(field.group(1));
        }
        Matcher include = INCLUDE.matcher(text);
        while (include.find()) {
            Path included = RESOURCES.resolve(include.group(2).replace('.', '/')).resolve(include.group(1));
            if (Files.exists(included)) {
                collectFields(included, fields);
            }
        }
    }

    private static Path resourceDir(Class<?> type) {
        return RESOURCES.resolve(type.getName().replace('.', '/').replace('$', '/'));
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DescriptorContractTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }

}
