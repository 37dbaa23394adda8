package dev.cxsentinel.adapters.mongo.archfixture;

/** Violates "com.slack only in adapters-slack". */
public class MongoAdapterUsingSlack {
    public com.slack.api.Slack slack;
    public dev.cxsentinel.adapters.slack.SlackText slackAdapter;
}
