package dev.cxsentinel.application.archfixture;

/** Violates "application depends on domain, the JDK and jakarta.inject only" (and the Mongo rule). */
public class ApplicationUsingMongo {
    public com.mongodb.client.MongoClient client;
}
