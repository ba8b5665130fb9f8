// Lucene's indexing of real news, for `articles-bench scale --real`: Lucene 8's ArabicAnalyzer,
// title and body as analyzed text fields, both stored (as a store keeps the original text), in
// an index on disk, committed and closed; IndexWriterConfig's defaults otherwise.
// Input: DOCS, one document per line, "title<TAB>body" (tabs and line breaks in the text made
// spaces). Output: one JSON object: seconds inside the JVM, documents, bytes of the index.
// The caller times the whole process too (JVM start included).
// Usage: java -cp lucene-core.jar:lucene-analyzers-common.jar:. IndexBaseline DOCS INDEX_DIRECTORY
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

public class IndexBaseline {
    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path indexPath = Paths.get(args[1]);
        long documents = 0;
        try (FSDirectory directory = FSDirectory.open(indexPath);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new ArabicAnalyzer()));
             BufferedReader reader = Files.newBufferedReader(Paths.get(args[0]), StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab < 0) continue;
                Document document = new Document();
                document.add(new TextField("title", line.substring(0, tab), Field.Store.YES));
                document.add(new TextField("body", line.substring(tab + 1), Field.Store.YES));
                writer.addDocument(document);
                documents++;
            }
            writer.commit();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long bytes = 0;
        try (Stream<Path> files = Files.list(indexPath)) {
            for (Path file : (Iterable<Path>) files::iterator) bytes += Files.size(file);
        }
        System.out.println("{\"seconds\": " + seconds + ", \"documents\": " + documents + ", \"bytes\": " + bytes + "}");
    }
}
