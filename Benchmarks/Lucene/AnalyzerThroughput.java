// Lucene's ArabicAnalyzer over the lines of a UTF-8 file: throughput in MB/s of UTF-8 input,
// best of several timed rounds after warm-up. Used by `articles-bench analyzer` as the baseline.
// Usage: java -cp lucene-core.jar:lucene-analyzers-common.jar:. AnalyzerThroughput FILE ROUNDS [persian]
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

public class AnalyzerThroughput {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8);
        int rounds = Integer.parseInt(args[1]);
        long bytes = 0;
        for (String line : lines) bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        Analyzer analyzer = new ArabicAnalyzer();
        long tokens = 0;
        for (int i = 0; i < 3; i++) tokens = run(analyzer, lines); // warm-up (JIT)
        double best = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            tokens = run(analyzer, lines);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf("{\"seconds\": %.6f, \"bytes\": %d, \"tokens\": %d, \"mb_per_s\": %.3f}%n",
                          best, bytes, tokens, bytes / 1e6 / best);
    }

    static long run(Analyzer analyzer, List<String> lines) throws Exception {
        long count = 0;
        long checksum = 0;
        for (String line : lines) {
            try (TokenStream stream = analyzer.tokenStream("body", line)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    count++;
                    checksum += term.length() + offset.startOffset();
                }
                stream.end();
            }
        }
        if (checksum == 42) System.out.print("");
        return count;
    }
}
