// Validation against one scan on an existing TDB2 database, the way `bench` measures them (Benchmark.validate and
// Benchmark.scanClaimGraphs): every rule of HOME/ontology/rules.ttl as one full-scan query, its rows counted, then
// every triple of every claim graph read once.
//   java -cp "target/claimgraph.jar:target/lib/*" bench/harness/ValScan.java HOME DB [scan]
// (with "scan", only the scan: the rules' time is then the load's findings phase, which runs the same queries)
import java.nio.file.*; import java.util.*;
import org.apache.jena.graph.Node; import org.apache.jena.query.*; import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn; import org.apache.jena.riot.RDFDataMgr;
import org.w3id.claimgraph.store.TdbStore; import org.w3id.claimgraph.graph.GraphSource; import org.w3id.claimgraph.rules.*; import org.w3id.claimgraph.project.GraphNames;
public class ValScan {
  public static void main(String[] a) throws Exception {
    Path home = Path.of(a[0]);
    DatasetGraph dsg = TdbStore.open(Path.of(a[1]));
    GraphSource source = GraphSource.of(dsg, "TDB2 database " + a[1]);
    RuleSet rules = RuleSet.read(RDFDataMgr.loadGraph(home.resolve("ontology/rules.ttl").toString()), "rules.ttl");
    double total = 0;
    for (Rule rule : a.length > 2 && a[2].equals("scan") ? List.<Rule>of() : rules.all()) {
      long t0 = System.nanoTime();
      long n = source.stream(rule.fullScan(), java.time.Duration.ofHours(2), rows -> { long c = 0; while (rows.hasNext()) { rows.next(); c++; } return c; });
      double s = (System.nanoTime() - t0) / 1e9; total += s;
      System.out.printf("rule %-24s %9d rows %8.1f s%n", rule.id(), n, s);
    }
    long t0 = System.nanoTime();
    String prefix = GraphNames.document("");
    long triples = Txn.calculateRead(dsg, () -> {
      long n = 0; List<Node> graphs = new ArrayList<>();
      dsg.listGraphNodes().forEachRemaining(g -> { if (g.isURI() && g.getURI().startsWith(prefix)) graphs.add(g); });
      for (Node g : graphs) { var it = dsg.find(g, Node.ANY, Node.ANY, Node.ANY); while (it.hasNext()) { it.next(); n++; } }
      return n;
    });
    double scan = (System.nanoTime() - t0) / 1e9;
    System.out.printf("validation %.1f s; claim scan %.1f s (%d triples); validation / scan %.1f%n", total, scan, triples, total / scan);
    TdbStore.close(dsg);
  }
}
