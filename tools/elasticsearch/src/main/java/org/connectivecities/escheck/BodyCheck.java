package org.connectivecities.escheck;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.elasticsearch.TransportVersion;
import org.elasticsearch.cluster.metadata.IndexMetadata;
import org.elasticsearch.common.compress.CompressedXContent;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.index.analysis.AnalyzerScope;
import org.elasticsearch.index.analysis.IndexAnalyzers;
import org.elasticsearch.index.analysis.NamedAnalyzer;
import org.elasticsearch.index.mapper.Mapper;
import org.elasticsearch.index.mapper.MapperMetrics;
import org.elasticsearch.index.mapper.MapperService;
import org.elasticsearch.index.mapper.TextFieldMapper;
import org.elasticsearch.index.similarity.SimilarityService;
import org.elasticsearch.indices.IndicesModule;
import org.elasticsearch.indices.analysis.PreBuiltAnalyzers;
import org.elasticsearch.plugins.MapperPlugin;
import org.elasticsearch.script.ScriptCompiler;
import org.elasticsearch.search.SearchModule;
import org.elasticsearch.search.builder.SearchSourceBuilder;
import org.elasticsearch.xcontent.DeprecationHandler;
import org.elasticsearch.xcontent.NamedXContentRegistry;
import org.elasticsearch.xcontent.XContentLocation;
import org.elasticsearch.xcontent.XContentParser;
import org.elasticsearch.xcontent.XContentParserConfiguration;
import org.elasticsearch.xcontent.json.JsonXContent;

/**
 * Parses request bodies with Elasticsearch's own parsers, the ones a node runs
 * before it searches or creates an index.
 *
 * <p>Usage: {@code BodyCheck DIR}. Every {@code *.search.json} in DIR is a
 * {@code _search} body, parsed by {@link SearchSourceBuilder#parseXContent}
 * with the named queries, aggregations and suggesters of a {@link SearchModule}
 * without plugins. Every {@code *.index.json} is a create-index body: its
 * {@code settings} are validated as index-scoped settings and its {@code mappings}
 * parsed by a MapperService (see {@link #checkIndex} for what that cannot cover).
 *
 * <p>Prints one JSON line per file, {@code {"file", "ok", "error", "deprecations"}},
 * and exits 1 when any file failed, 2 on a usage error. A deprecation warning
 * counts as a failure: a parameter Elasticsearch 9 deprecates is one the next
 * major may refuse.
 */
public final class BodyCheck {

    private BodyCheck() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: BodyCheck DIR (a directory of *.search.json and *.index.json)");
            System.exit(2);
        }
        // The server's classes log through Elasticsearch's logging facade, which has no
        // provider until a node sets one; without it the first logger throws.
        LogConfigurator.configureESLogging();
        NamedXContentRegistry registry =
                new NamedXContentRegistry(new SearchModule(Settings.EMPTY, List.of()).getNamedXContents());
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of(args[0]), "*.json")) {
            found.forEach(files::add);
        }
        files.sort(null);
        if (files.isEmpty()) {
            System.err.println("BodyCheck: no *.json files in " + args[0]);
            System.exit(2);
        }
        boolean allOk = true;
        for (Path file : files) {
            allOk &= check(registry, file);
        }
        System.exit(allOk ? 0 : 1);
    }

    private static boolean check(NamedXContentRegistry registry, Path file) throws IOException {
        String name = file.getFileName().toString();
        List<String> deprecations = new ArrayList<>();
        String error = null;
        XContentParserConfiguration config = XContentParserConfiguration.EMPTY
                .withRegistry(registry)
                .withDeprecationHandler(new Recorder(deprecations));
        try (XContentParser parser = JsonXContent.jsonXContent.createParser(config, Files.readAllBytes(file))) {
            if (name.endsWith(".search.json")) {
                checkSearch(parser);
            } else if (name.endsWith(".index.json")) {
                checkIndex(parser);
            } else {
                error = "unknown kind of body: name it *.search.json or *.index.json";
            }
        } catch (Exception e) {
            error = describe(e);
        }
        boolean ok = error == null && deprecations.isEmpty();
        System.out.println(
                "{\"file\":" + quote(name)
                        + ",\"ok\":" + ok
                        + ",\"error\":" + (error == null ? "null" : quote(error))
                        + ",\"deprecations\":[" + String.join(",", deprecations.stream().map(BodyCheck::quote).toList())
                        + "]}");
        return ok;
    }

    /** What a node does with a `_search` body before it runs it. */
    private static void checkSearch(XContentParser parser) throws IOException {
        // Every node feature counts as supported: the question is what this version parses.
        new SearchSourceBuilder().parseXContent(parser, true, feature -> true);
        if (parser.nextToken() != null) {
            throw new IllegalArgumentException("trailing content after the search body");
        }
    }

    /**
     * What a node does with a create-index body, as far as the server jar alone can:
     * the settings are validated as index-scoped settings, and the mappings are
     * merged into a MapperService, which parses every field and its parameters.
     * The analysis chain itself is not built (see {@link #analyzersFor}).
     */
    @SuppressWarnings("unchecked")
    private static void checkIndex(XContentParser parser) throws IOException {
        Map<String, Object> body = parser.map();
        for (String key : body.keySet()) {
            if (!key.equals("settings") && !key.equals("mappings") && !key.equals("aliases")) {
                throw new IllegalArgumentException("unknown key [" + key + "] in the index definition");
            }
        }
        Object settings = body.getOrDefault("settings", Map.of());
        if (!(settings instanceof Map)) {
            throw new IllegalArgumentException("[settings] must be an object");
        }
        // As the create-index request does: flatten, then prefix bare keys with "index.".
        Settings flat = Settings.builder()
                .loadFromMap((Map<String, ?>) settings)
                .normalizePrefix("index.")
                .build();
        IndexScopedSettings.DEFAULT_SCOPED_SETTINGS.validate(flat, true);
        Object mappings = body.getOrDefault("mappings", Map.of());
        if (!(mappings instanceof Map)) {
            throw new IllegalArgumentException("[mappings] must be an object");
        }
        MapperService mapperService = mapperService(flat);
        mapperService.merge(
                MapperService.SINGLE_MAPPING_NAME,
                new CompressedXContent((Map<String, Object>) mappings),
                MapperService.MergeReason.MAPPING_UPDATE);
    }

    private static MapperService mapperService(Settings indexSettings) {
        Settings settings = Settings.builder()
                .put(indexSettings)
                .put(IndexMetadata.SETTING_VERSION_CREATED, IndexVersion.current().id())
                .put(IndexMetadata.SETTING_NUMBER_OF_SHARDS, indexSettings.getAsInt(IndexMetadata.SETTING_NUMBER_OF_SHARDS, 1))
                .put(IndexMetadata.SETTING_NUMBER_OF_REPLICAS, indexSettings.getAsInt(IndexMetadata.SETTING_NUMBER_OF_REPLICAS, 1))
                .build();
        IndexSettings index = new IndexSettings(IndexMetadata.builder("body-check").settings(settings).build(), Settings.EMPTY);
        // search_as_you_type lives in the distribution's mapper-extras module, which is not
        // published as a library: read it as a text field, so its analyzer is still checked.
        MapperPlugin moduleTypes = new MapperPlugin() {
            @Override
            public Map<String, Mapper.TypeParser> getMappers() {
                return Map.of("search_as_you_type", TextFieldMapper.PARSER);
            }
        };
        return new MapperService(
                TransportVersion::current,
                index,
                analyzersFor(indexSettings),
                XContentParserConfiguration.EMPTY,
                new SimilarityService(index, null, Map.of()),
                new IndicesModule(List.of(moduleTypes)).getMapperRegistry(),
                () -> {
                    throw new UnsupportedOperationException("no searches while checking a mapping");
                },
                () -> false,
                ScriptCompiler.NONE,
                query -> {
                    throw new UnsupportedOperationException("no nested queries while checking a mapping");
                },
                MapperMetrics.NOOP,
                null,
                () -> null);
    }

    /**
     * The analyzer names a mapping may use: the server's built-in analyzers, the
     * language analyzers of the distribution's analysis-common module, and those the
     * index defines under analysis.analyzer. Each stands in as a standard analyzer:
     * analysis-common (lowercase, asciifolding, stemmer, synonym_graph, ...) is not
     * published as a library, so the chains themselves cannot be built here.
     */
    private static IndexAnalyzers analyzersFor(Settings indexSettings) {
        List<String> names = new ArrayList<>(DISTRIBUTION_LANGUAGE_ANALYZERS);
        for (PreBuiltAnalyzers builtIn : PreBuiltAnalyzers.values()) {
            names.add(builtIn.name().toLowerCase(Locale.ROOT));
        }
        names.addAll(indexSettings.getGroups("index.analysis.analyzer").keySet());
        Map<String, NamedAnalyzer> analyzers = new HashMap<>();
        for (String name : names) {
            analyzers.put(name, new NamedAnalyzer(name, AnalyzerScope.INDEX, new StandardAnalyzer()));
        }
        analyzers.put("default", new NamedAnalyzer("default", AnalyzerScope.INDEX, new StandardAnalyzer()));
        return IndexAnalyzers.of(analyzers);
    }

    /** The language analyzers analysis-common registers (Elasticsearch 9.x reference, "Language analyzers"). */
    private static final List<String> DISTRIBUTION_LANGUAGE_ANALYZERS = List.of(
            "arabic", "armenian", "basque", "bengali", "brazilian", "bulgarian", "catalan", "cjk", "czech",
            "danish", "dutch", "english", "estonian", "finnish", "french", "galician", "german", "greek",
            "hindi", "hungarian", "indonesian", "irish", "italian", "latvian", "lithuanian", "norwegian",
            "persian", "portuguese", "romanian", "russian", "serbian", "sorani", "spanish", "swedish",
            "turkish", "thai", "pattern", "fingerprint", "snowball");

    /** The exception's own message and those of its causes: the parser's location is often in a cause. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" | caused by: ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Keeps the deprecation warnings a node would send back in its Warning header. */
    private record Recorder(List<String> warnings) implements DeprecationHandler {
        @Override
        public void logRenamedField(String parserName, Supplier<XContentLocation> location, String oldName, String currentName) {
            warnings.add(where(parserName, location) + "[" + oldName + "] is deprecated, use [" + currentName + "]");
        }

        @Override
        public void logReplacedField(String parserName, Supplier<XContentLocation> location, String oldName, String replacedName) {
            warnings.add(where(parserName, location) + "[" + oldName + "] is deprecated, use [" + replacedName + "]");
        }

        @Override
        public void logRemovedField(String parserName, Supplier<XContentLocation> location, String removedName) {
            warnings.add(where(parserName, location) + "[" + removedName + "] is deprecated and will be removed");
        }

        private static String where(String parserName, Supplier<XContentLocation> location) {
            String at = location == null || location.get() == null ? "" : " at " + location.get();
            return (parserName == null ? "" : "[" + parserName + "]") + at + " ";
        }
    }
}
