package org.w3id.claimgraph.derive;

import java.util.Iterator;

import org.apache.jena.atlas.data.DefaultDataBag;
import org.apache.jena.atlas.data.ThresholdPolicyCount;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.system.SerializationFactoryFinder;

/**
 * Triples kept in memory up to a count, the rest in a temporary file (Jena's {@link DefaultDataBag}, each triple held
 * as a binding of ?s ?p ?o): add them all, then read them back; {@link #close} deletes the file.
 * <p>
 * Jena 5.6's bag decides at the next add whether to spill, but when reading whether it has spilled: a bag whose last
 * triple reached the count exactly was never written to a file, yet it reads from one (an IndexOutOfBoundsException).
 * Such a bag is read from memory here.
 */
final class TripleBag extends DefaultDataBag<Binding> {
    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");

    TripleBag(long inMemory) {
        super(new ThresholdPolicyCount<>(inMemory), SerializationFactoryFinder.bindingSerializationFactory());
    }

    void add(Triple t) {
        add(BindingFactory.binding(S, t.getSubject(), P, t.getPredicate(), O, t.getObject()));
    }

    /** The triples added, in the order they were added. No more may be added. */
    Iterator<Triple> triples() {
        return Iter.map(iterator(), b -> Triple.create(b.get(S), b.get(P), b.get(O)));
    }

    @Override
    public Iterator<Binding> iterator() {
        if (spilled) return super.iterator();
        closeWriter();
        return memory.iterator();
    }
}
