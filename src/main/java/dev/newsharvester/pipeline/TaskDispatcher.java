package dev.newsharvester.pipeline;

import java.util.List;

/** Hands article tasks to workers (the SQS queue in AWS); absent means tasks are processed inline. */
public interface TaskDispatcher {

    /** Sends every task or throws; a partial send is retried or reported, never silently dropped. */
    void dispatch(List<ArticleTask> tasks);
}
