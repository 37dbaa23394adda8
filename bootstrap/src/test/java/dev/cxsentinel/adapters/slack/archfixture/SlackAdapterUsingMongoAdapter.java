package dev.cxsentinel.adapters.slack.archfixture;

/** Violates "adapters never depend on each other" and "com.mongodb / mongo adapter outside adapters-mongo". */
public class SlackAdapterUsingMongoAdapter {
    public dev.cxsentinel.adapters.mongo.MongoStore store;
}
