// Prints Lucene's tokens for each line of a UTF-8 file, space-separated, one output line per
// input line. Chains: "arabic" = Lucene's ArabicAnalyzer; "es" = the chain `articles export
// --es-index-settings` configures (standard tokenizer, lowercase, decimal digits, Arabic
// stopwords, Persian normalization, Arabic normalization, Arabic light stemmer).
// Usage: java -cp lucene-core.jar:lucene-analyzers-common.jar:. TokenDump arabic|es FILE
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

public class TokenDump {
    public static void main(String[] args) throws Exception {
        Analyzer analyzer = args[0].equals("es") ? new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFilter(source);
                result = new DecimalDigitFilter(result);
                result = new StopFilter(result, ArabicAnalyzer.getDefaultStopSet());
                result = new PersianNormalizationFilter(result);
                result = new ArabicNormalizationFilter(result);
                result = new ArabicStemFilter(result);
                return new TokenStreamComponents(source, result);
            }
        } : new ArabicAnalyzer();
        List<String> lines = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            try (TokenStream stream = analyzer.tokenStream("body", line)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                boolean first = true;
                while (stream.incrementToken()) {
                    if (!first) out.append(' ');
                    out.append(term.toString());
                    first = false;
                }
                stream.end();
            }
            out.append('\n');
        }
        System.out.print(out);
    }
}
