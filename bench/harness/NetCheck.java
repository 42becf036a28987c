// Runs two explorer queries that take ?resource (bound by a VALUES block opening the WHERE group, as the page binds
// it) for every concept of a TDB2 database (once, for queries without ?resource) and says for how many the rows are
// the same, and the time each took:  java -cp "target/claimgraph.jar:target/lib/*" bench/harness/NetCheck.java DB OLD.rq NEW.rq
import java.nio.file.*; import java.util.*;
import org.apache.jena.query.*; import org.apache.jena.sparql.core.DatasetGraph; import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.system.Txn;
public class NetCheck {
  static List<String> rows(Dataset ds, String text, String concept) {
    String bound = text.replaceFirst("(?i)\\bWHERE\\s*\\{", "WHERE {\n VALUES (?resource) { (<" + concept + ">) }\n");
    List<String> out = new ArrayList<>();
    try (QueryExecution qe = QueryExecution.create(bound, ds)) {
      ResultSet rs = qe.execSelect();
      while (rs.hasNext()) { QuerySolution s = rs.next(); StringBuilder b = new StringBuilder();
        for (String v : rs.getResultVars()) { var n = s.get(v); b.append(n == null ? "-" : (n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString())).append(' '); }
        out.add(b.toString()); }
    }
    return out;
  }
  public static void main(String[] a) throws Exception {
    Dataset ds = TDB2Factory.connectDataset(a[0]);
    ds.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true);
    String oldQ = Files.readString(Path.of(a[1])), newQ = Files.readString(Path.of(a[2]));
    Txn.executeRead(ds, () -> {
      List<String> concepts = new ArrayList<>();
      try (QueryExecution qe = QueryExecution.create("PREFIX cg: <https://w3id.org/claimgraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT DISTINCT ?c WHERE { ?c a ?t . ?t rdfs:subClassOf cg:Concept } ORDER BY ?c", ds)) {
        qe.execSelect().forEachRemaining(s -> concepts.add(s.getResource("c").getURI()));
      }
      if (!oldQ.contains("?resource")) { concepts.clear(); concepts.add("urn:x-no-resource"); }
      int same = 0, diff = 0; long tOld = 0, tNew = 0; int nonEmpty = 0;
      for (String c : concepts) {
        long t0 = System.nanoTime(); List<String> o = rows(ds, oldQ, c); long t1 = System.nanoTime(); List<String> n = rows(ds, newQ, c); long t2 = System.nanoTime();
        tOld += t1 - t0; tNew += t2 - t1; if (!o.isEmpty()) nonEmpty++;
        if (o.equals(n)) same++; else { diff++; if (diff <= 5) System.out.println("DIFF " + c + "\n old " + o.size() + " " + o.subList(0, Math.min(3, o.size())) + "\n new " + n.size() + " " + n.subList(0, Math.min(3, n.size()))); }
      }
      System.out.printf("concepts %d (non-empty %d): same %d, different %d; old %.2f s, new %.2f s%n", concepts.size(), nonEmpty, same, diff, tOld / 1e9, tNew / 1e9);
    });
  }
}
