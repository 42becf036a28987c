// Computes the summaries graph of a loaded TDB2 database again with a project home's queries (the summaries
// phase, then the totals phase, each in its own write), timing each:
//   java -cp "target/claimgraph.jar:target/lib/*" bench/harness/Resum.java DB HOME
import java.nio.file.*;
import org.apache.jena.graph.NodeFactory; import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph; import org.apache.jena.tdb2.DatabaseMgr; import org.apache.jena.system.Txn;
import org.w3id.claimgraph.project.*; import org.w3id.claimgraph.summary.Summaries;
public class Resum {
  public static void main(String[] a) {
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(a[0]);
    ProjectLayout layout = new ProjectLayout(Path.of(a[1]));
    Node g = NodeFactory.createURI(GraphNames.SUMMARIES);
    long t = System.nanoTime();
    Txn.executeWrite(dsg, () -> dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY));
    System.out.printf("delete %.1f s%n", (System.nanoTime() - t) / 1e9); t = System.nanoTime();
    Txn.executeWrite(dsg, () -> Summaries.addSummaries(dsg, layout));
    System.out.printf("summaries %.1f s%n", (System.nanoTime() - t) / 1e9); t = System.nanoTime();
    Txn.executeWrite(dsg, () -> Summaries.addTotals(dsg, layout));
    System.out.printf("totals %.1f s%n", (System.nanoTime() - t) / 1e9);
    long n = Txn.calculateRead(dsg, () -> dsg.stream(g, Node.ANY, Node.ANY, Node.ANY).count());
    System.out.println("summaries graph quads " + n);
  }
}
