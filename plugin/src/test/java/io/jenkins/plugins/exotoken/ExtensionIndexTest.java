package io.jenkins.plugins.exotoken;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.Test;

// Jenkins finds extensions only through the sezpoz index written when the plugin compiles: an @Extension missing
// from it is silently never loaded. The offline build must write the same index as the real one.
class ExtensionIndexTest {

    @Test
    void indexListsEveryExtensionCompiledIntoThePlugin() throws Exception {
        Set<String> annotated = extensionsIn(pluginClasses());
        assertThat(annotated).as("@Extension classes found in the compiled plugin")
                .contains(ExchangeOnlineAppCredentials.DescriptorImpl.class.getName());

        assertThat(indexed(pluginClasses())).isEqualTo(annotated);
    }

    /**
     * What Jenkins reads: every {@code META-INF/annotations/hudson.Extension} on the class path, as sezpoz does, of
     * the classes in {@code root} (in the real build Jenkins core and other plugins on the class path index theirs).
     */
    private static Set<String> indexed(Path root) {
        Set<String> names = new TreeSet<>();
        ClassLoader loader = ExtensionIndexTest.class.getClassLoader();
        for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
            if (Files.exists(root.resolve(item.className().replace('.', '/') + ".class"))) {
                names.add(item.className() + (item.memberName() == null ? "" : "#" + item.memberName()));
            }
        }
        return names;
    }

    private static Path pluginClasses() throws URISyntaxException {
        return Path.of(ExchangeOnlineAppCredentials.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Classes, fields and methods in {@code root} that carry {@code @Extension}, in the index's naming. */
    private static Set<String> extensionsIn(Path root) throws IOException, ClassNotFoundException {
        List<String> classNames = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".class")).forEach(file -> {
                String relative = root.relativize(file).toString();
                classNames.add(relative.substring(0, relative.length() - ".class".length())
                        .replace(root.getFileSystem().getSeparator(), "."));
            });
        }
        Set<String> names = new TreeSet<>();
        ClassLoader loader = ExtensionIndexTest.class.getClassLoader();
        for (String className : classNames) {
            Class<?> type = Class.forName(className, false, loader);
            // sezpoz names a nested class by its binary name (Outer$Inner), as Class.getName does.
            if (annotated(type)) {
                names.add(type.getName());
            }
            for (var field : type.getDeclaredFields()) {
                if (annotated(field)) {
                    names.add(type.getName() + "#" + field.getName());
                }
            }
            for (var method : type.getDeclaredMethods()) {
                if (annotated(method)) {
                    names.add(type.getName() + "#" + method.getName());
                }
            }
        }
        return names;
    }

    private static boolean annotated(AnnotatedElement element) {
        return element.isAnnotationPresent(Extension.class);
    }
}
