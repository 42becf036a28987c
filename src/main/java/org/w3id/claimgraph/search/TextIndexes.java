package org.w3id.claimgraph.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.assembler.Assembler;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * Builds, opens and closes the full-text index of a dataset, and beside it the claim list's index
 * ({@link ClaimIndex}). A dataset's index is found by {@code text:query}
 * through the dataset's context ({@link TextQuery#textIndex}), so every query on the dataset, through any view of
 * it, can search.
 */
public final class TextIndexes {
    /** The index's directory inside a TDB2 database directory. */
    public static final String DIRECTORY = "text-index";
    private static final String MAP_FILE = "text-index.ttl";
    private static final String MAP = "https://w3id.org/claimgraph/id/text-index";

    static {
        TextQuery.init();
    }

    private TextIndexes() {}

    /**
     * Indexes every literal of {@code dsg} that the entity map of ontology/text-index.ttl names. A TDB2 dataset's
     * index is written into its database directory and closed (it is opened with the database, {@link #open});
     * any other dataset's is kept in memory and attached to it. The claim index is built the same way.
     */
    public static void build(DatasetGraph dsg, ProjectLayout layout) {
        EntityDefinition map = entityMap(layout);
        Path dir = databaseDirectory(dsg);
        if (dir == null) {
            buildInMemory(dsg, layout, map);
            return;
        }
        Path indexDir = dir.resolve(DIRECTORY);
        try {
            ClaimIndex.buildInto(dsg, layout, dir.resolve(ClaimIndex.DIRECTORY));
            TextIndex index = index(FSDirectory.open(indexDir), map);
            try {
                fill(index, dsg, map);
            } finally {
                index.close();
            }
            Files.writeString(indexDir.resolve("entity-map.ttl"), Files.readString(layout.ontologyDir().resolve(MAP_FILE)));
        } catch (IOException e) {
            throw new InputException(indexDir + ": cannot write the text index: " + e.getMessage(), e);
        }
    }

    /** Builds both indexes of a dataset in memory and attaches them to it, in place of any attached before. */
    private static void buildInMemory(DatasetGraph dsg, ProjectLayout layout, EntityDefinition map) {
        TextIndex index = index(new ByteBuffersDirectory(), map);
        fill(index, dsg, map);
        attach(dsg, index);
        ClaimIndex.buildInMemory(dsg, layout);
    }

    /**
     * Builds both indexes of {@code dsg} again from its data as it is now (after a write that changed it), and puts
     * them in place of those attached to it: in memory, new ones; in a TDB2 database, the claim index written
     * again into its directory and the full-text index emptied and filled again, each made visible by one Lucene
     * commit, so a search sees the old index or the new one, never a part.
     */
    public static void rebuild(DatasetGraph dsg, ProjectLayout layout) {
        Txn.executeRead(dsg, () -> {
            EntityDefinition map = entityMap(layout);
            Path dir = databaseDirectory(dsg);
            if (dir == null) {
                buildInMemory(dsg, layout, map);
                return;
            }
            try {
                ClaimIndex.rebuildAt(dsg, layout, dir.resolve(ClaimIndex.DIRECTORY));
            } catch (IOException e) {
                throw new InputException(dir.resolve(ClaimIndex.DIRECTORY) + ": cannot write the claim index: " + e.getMessage(), e);
            }
            if (dsg.getContext().get(TextQuery.textIndex) instanceof TextIndexLucene text) {
                try {
                    text.getIndexWriter().deleteAll();
                } catch (IOException e) {
                    throw new InputException(dir.resolve(DIRECTORY) + ": cannot write the text index: " + e.getMessage(), e);
                }
                fill(text, dsg, text.getDocDef());
            }
        });
    }

    /**
     * Opens the index that {@link #build} wrote inside the TDB2 database directory {@code dir}, if there is one, and
     * attaches it to {@code dsg}, the database opened from it; {@link #close} releases it.
     */
    public static void open(DatasetGraph dsg, Path dir) {
        try {
            ClaimIndex.open(dsg, dir.resolve(ClaimIndex.DIRECTORY));
        } catch (IOException e) {
            throw new InputException(dir.resolve(ClaimIndex.DIRECTORY) + ": cannot open the claim index: " + e.getMessage(), e);
        }
        Path indexDir = dir.resolve(DIRECTORY);
        if (!Files.isDirectory(indexDir)) return;
        try {
            EntityDefinition map = entityMap(indexDir.resolve("entity-map.ttl"), indexDir.toString());
            attach(dsg, index(FSDirectory.open(indexDir), map));
        } catch (IOException e) {
            throw new InputException(indexDir + ": cannot open the text index: " + e.getMessage(), e);
        }
    }

    /** Closes the index attached to {@code dsg}, if any. */
    public static void close(DatasetGraph dsg) {
        ClaimIndex.close(dsg);
        closeText(dsg);
    }

    private static void closeText(DatasetGraph dsg) {
        if (dsg.getContext().get(TextQuery.textIndex) instanceof TextIndex index) {
            dsg.getContext().remove(TextQuery.textIndex);
            index.close();
        }
    }

    private static void attach(DatasetGraph dsg, TextIndex index) {
        closeText(dsg);
        dsg.getContext().set(TextQuery.textIndex, index);
    }

    private static TextIndex index(Directory directory, EntityDefinition map) {
        return new TextIndexLucene(directory, new TextIndexConfig(map));
    }

    private static void fill(TextIndex index, DatasetGraph dsg, EntityDefinition map) {
        for (Node predicate : map.fields().stream().flatMap(f -> map.getPredicates(f).stream()).distinct().toList()) {
            dsg.find(Node.ANY, Node.ANY, predicate, Node.ANY).forEachRemaining(quad -> {
                Entity entity = TextQueryFuncs.entityFromQuad(map, quad);
                if (entity != null) index.addEntity(entity);
            });
        }
        index.commit();
    }

    private static Path databaseDirectory(DatasetGraph dsg) {
        if (dsg instanceof DatasetGraphSwitchable tdb && tdb.getContainerPath() != null) return tdb.getContainerPath();
        return null;
    }

    private static EntityDefinition entityMap(ProjectLayout layout) {
        Path file = layout.ontologyDir().resolve(MAP_FILE);
        return entityMap(file, layout.display(file));
    }

    private static EntityDefinition entityMap(Path file, String shown) {
        Model model = ModelFactory.createDefaultModel();
        try {
            RDFParser.source(file).parse(model);
            return (EntityDefinition) Assembler.general().open(model.getResource(MAP));
        } catch (RiotException | org.apache.jena.assembler.exceptions.AssemblerException e) {
            throw new InputException(shown + ": not a jena-text entity map <" + MAP + ">: " + e.getMessage(), e);
        }
    }
}
