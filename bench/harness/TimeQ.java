// Times queries (SELECT or CONSTRUCT, results drained) over a TDB2 database's union graph in one JVM: rows, CPU
// seconds of the query thread and wall clock:  java -cp "target/claimgraph.jar:target/lib/*" bench/harness/TimeQ.java DB Q.rq...
import java.nio.file.*; import java.lang.management.*;
import org.apache.jena.query.*; import org.apache.jena.tdb2.TDB2Factory; import org.apache.jena.system.Txn;
public class TimeQ {
  public static void main(String[] a) throws Exception {
    Dataset ds = TDB2Factory.connectDataset(a[0]);
    ds.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int i = 1; i < a.length; i++) {
      String q = Files.readString(Path.of(a[i]));
      String file = a[i];
      Txn.executeRead(ds, () -> {
        long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime(); long[] n = {0};
        try (QueryExecution qe = QueryExecution.create(q, ds)) {
          Query parsed = qe.getQuery();
          if (parsed.isConstructType()) qe.execConstructTriples().forEachRemaining(t -> n[0]++);
          else qe.execSelect().forEachRemaining(s -> n[0]++);
        }
        System.out.printf("%-60s %8d rows  cpu %6.1f s  wall %6.1f s%n", file, n[0], (mx.getCurrentThreadCpuTime() - c0) / 1e9, (System.nanoTime() - w0) / 1e9);
      });
    }
  }
}
