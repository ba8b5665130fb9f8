// Lucene's retrieval quality on a set of documents and known-item queries, for
// `articles-bench retrieval`: Lucene 8's ArabicAnalyzer, BM25 (k1 1.2, b 0.75, the defaults),
// every query word an optional clause (any-word, like `articles search --any`).
// Input: DOCS, one document per line, "id<TAB>text"; QUERIES, one per line,
// "relevant id<TAB>query". Output: one JSON object with MRR@10, recall at 1 and at 10.
// Usage: java -cp lucene-core.jar:lucene-analyzers-common.jar:. Retrieval DOCS QUERIES
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

public class Retrieval {
    public static void main(String[] args) throws Exception {
        BooleanQuery.setMaxClauseCount(100000);
        Analyzer analyzer = new ArabicAnalyzer();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (String line : Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab < 0) continue;
                Document document = new Document();
                document.add(new StoredField("id", line.substring(0, tab)));
                document.add(new TextField("text", line.substring(tab + 1), Field.Store.NO));
                writer.addDocument(document);
            }
        }
        IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
        QueryBuilder builder = new QueryBuilder(analyzer);
        double reciprocal = 0;
        int queries = 0, top1 = 0, top10 = 0;
        List<String> lines = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        for (String line : lines) {
            int tab = line.indexOf('\t');
            if (tab < 0) continue;
            String relevant = line.substring(0, tab);
            queries++;
            Query query = builder.createBooleanQuery("text", line.substring(tab + 1), BooleanClause.Occur.SHOULD);
            if (query == null) continue;
            ScoreDoc[] hits = searcher.search(query, 10).scoreDocs;
            for (int rank = 0; rank < hits.length; rank++) {
                if (searcher.doc(hits[rank].doc).get("id").equals(relevant)) {
                    reciprocal += 1.0 / (rank + 1);
                    if (rank == 0) top1++;
                    top10++;
                    break;
                }
            }
        }
        System.out.printf("{\"mrr\": %.6f, \"recall1\": %.6f, \"recall10\": %.6f, \"queries\": %d}%n",
                          reciprocal / Math.max(queries, 1), (double) top1 / Math.max(queries, 1),
                          (double) top10 / Math.max(queries, 1), queries);
    }
}
