package org.standalonecredit.readmecheck;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the fresh project an application developer gets by pasting the README's quick start:
 * {@code quickstart/pom.xml} (a bare project with the {@code pom-bom} and {@code pom-dependencies} blocks pasted in
 * as they are), {@code quickstart/src/main/java/...} (the {@code quickstart-java} block as it is),
 * {@code quickstart/src/test/java/...} (the {@code simulator-test-java} block, which the project's own build runs) and
 * {@code gateways/<id>/credit.properties} (each {@code quickstart-properties[-<id>]} block as it is). Run by the
 * build (exec:java) before invoker builds the project; {@code ReadmeQuickStartIT} then runs it.
 */
public final class ReadmeProject {
    static final String POM_BOM = "pom-bom";
    static final String POM_DEPENDENCIES = "pom-dependencies";
    static final String JAVA = "quickstart-java";
    static final String PROPERTIES = "quickstart-properties";
    static final String SIMULATOR_TEST = "simulator-test-java";
    static final String MAIN_CLASS_FILE = "main-class.txt";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern TOP_LEVEL_CLASS = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");

    private ReadmeProject() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ReadmeProject README.md OUTPUT_DIR");
        }
        Path readme = Path.of(args[0]);
        List<Path> written = write(ReadmeSnippets.parse(Files.readString(readme, StandardCharsets.UTF_8)), Path.of(args[1]));
        System.out.println("[readme-check] pasted " + written.size() + " files from " + readme.normalize() + " into " + Path.of(args[1]));
    }

    static List<Path> write(ReadmeSnippets snippets, Path out) throws IOException {
        List<Path> written = new ArrayList<>();
        Path project = out.resolve("quickstart");
        written.add(writeFile(project.resolve("pom.xml"), pom(snippets.get(POM_BOM), snippets.get(POM_DEPENDENCIES))));

        String mainClass = javaFile(snippets.get(JAVA), JAVA, project.resolve("src/main/java"), written);
        written.add(writeFile(project.resolve(MAIN_CLASS_FILE), mainClass + "\n"));
        javaFile(snippets.get(SIMULATOR_TEST), SIMULATOR_TEST, project.resolve("src/test/java"), written);

        for (Map.Entry<String, String> block : snippets.all().entrySet()) {
            String name = block.getKey();
            if (!name.equals(PROPERTIES) && !name.startsWith(PROPERTIES + "-")) {
                continue;
            }
            String gateway = gatewayOf(name, block.getValue());
            written.add(writeFile(out.resolve("gateways").resolve(gateway).resolve("credit.properties"), block.getValue()));
        }
        return written;
    }

    /** Saves a Java block as the file a reader would save it as (its public or first top-level class); returns the class's name. */
    private static String javaFile(String java, String name, Path sources, List<Path> written) throws IOException {
        Matcher type = TOP_LEVEL_CLASS.matcher(java);
        if (!type.find()) {
            throw new IllegalStateException("the " + name + " block declares no top-level class: a reader cannot save it as a file");
        }
        Matcher pkg = PACKAGE.matcher(java);
        String packageName = pkg.find() ? pkg.group(1) : "";
        written.add(writeFile(sources.resolve(packageName.replace('.', '/')).resolve(type.group(1) + ".java"), java));
        return packageName.isEmpty() ? type.group(1) : packageName + "." + type.group(1);
    }

    /** The provider id the block configures ({@code credit.gateway}); a block marked for one gateway must name it. */
    static String gatewayOf(String name, String block) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(block));
        String gateway = properties.getProperty("credit.gateway");
        if (gateway == null || gateway.isBlank()) {
            throw new IllegalStateException("the README block '" + name + "' sets no credit.gateway");
        }
        if (!name.equals(PROPERTIES) && !name.equals(PROPERTIES + "-" + gateway)) {
            throw new IllegalStateException("the README block '" + name + "' configures credit.gateway=" + gateway);
        }
        return gateway;
    }

    /**
     * A bare project: coordinates, Java 17 and pinned build plugins (the reader's own choices, not the README's), then
     * the two README blocks exactly as pasted. The dependency plugin writes the run-time class path for the run.
     */
    static String pom(String bom, String dependencies) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>readme-quick-start</artifactId>
                  <version>1.0</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                  </properties>

                <!-- readme-check: pom-bom, as pasted -->
                %s
                <!-- readme-check: pom-dependencies, as pasted -->
                %s
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <!-- a deprecated or unchecked use of the library in the README fails here -->
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.13.0</version>
                        <configuration>
                          <compilerArgs><arg>-Xlint:all,-processing</arg></compilerArgs>
                          <failOnWarning>true</failOnWarning>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.2</version>
                        <configuration>
                          <failIfNoTests>true</failIfNoTests>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-dependency-plugin</artifactId>
                        <version>3.8.1</version>
                        <executions>
                          <execution>
                            <phase>compile</phase>
                            <goals><goal>build-classpath</goal></goals>
                            <configuration>
                              <includeScope>runtime</includeScope>
                              <outputFile>${project.build.directory}/runtime-class-path.txt</outputFile>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(bom, dependencies);
    }

    private static Path writeFile(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
