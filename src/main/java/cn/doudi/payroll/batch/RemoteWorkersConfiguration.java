package cn.doudi.payroll.batch;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * Month-end's partitions over RabbitMQ (Spring Batch remote partitioning with Spring Integration AMQP), only
 * with {@code doudi.workers.mode=remote} ({@code month-end --workers=remote}, {@code doudi worker}, or a
 * {@code serve} so configured): without it no AMQP bean exists and nothing connects to a broker.
 * <p>
 * The manager step sends one {@code StepExecutionRequest} per county (the partition's step execution id and
 * the worker step's name: no personal data, the county's rows stay in PostgreSQL) to the durable queue
 * {@code doudi.workers.queue}, each message expiring after {@code doudi.workers.timeout}, and polls the job
 * repository for the partitions' outcome (no replies to aggregate). A worker ({@code doudi.workers.listen},
 * set by {@code doudi worker}) consumes the queue with {@code doudi.workers.threads} consumers, one unacknowledged
 * message each, and runs the named step on the shared database; the message is acknowledged once the
 * partition is done, so a worker killed mid-partition leaves it to the broker, which delivers it to another.
 * A worker beats while it runs a partition ({@code doudi.workers.heartbeat}); a partition whose beat stopped for
 * {@code doudi.workers.heartbeat-timeout} is failed by the manager ({@link LostWorkers}), naming its county.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "doudi.workers.mode", havingValue = "remote")
@EnableIntegration
class RemoteWorkersConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RemoteWorkersConfiguration.class);

	/** Only these classes are read from a message (Java serialisation, allow-listed). */
	static SimpleMessageConverter converter() {
		SimpleMessageConverter converter = new SimpleMessageConverter();
		converter.setAllowedListPatterns(List.of("org.springframework.batch.integration.partition.StepExecutionRequest",
				"java.lang.*"));
		return converter;
	}

	@Bean
	Queue monthEndRequestsQueue(@Value("${doudi.workers.queue}") String queue) {
		return new Queue(queue, true);
	}

	@Bean
	DirectChannel monthEndRequests() {
		return new DirectChannel();
	}

	@Bean
	IntegrationFlow monthEndRequestsToBroker(ConnectionFactory connectionFactory, Queue monthEndRequestsQueue,
			DirectChannel monthEndRequests, @Value("${doudi.workers.timeout}") Duration timeout) {
		RabbitTemplate template = new RabbitTemplate(connectionFactory);
		template.setMessageConverter(converter());
		return IntegrationFlow.from(monthEndRequests)
			// a request no worker took within the timeout is dropped by the broker: the manager has given up on it
			.enrichHeaders(h -> h.header(AmqpHeaders.EXPIRATION, Long.toString(timeout.toMillis())))
			.handle(Amqp.outboundAdapter(template).routingKey(monthEndRequestsQueue.getName()))
			.get();
	}

	/** The manager step over RabbitMQ, polling the job repository for the partitions' outcome. */
	@Bean(CountyPartitionsConfiguration.MANAGER_STEP)
	@JobScope
	Step remoteManagerStep(JobRepository jobRepository, Partitioner countyPartitioner, BeanFactory beanFactory,
			DirectChannel monthEndRequests,
			@Value("${doudi.workers.timeout}") Duration timeout,
			@Value("${doudi.workers.poll-interval}") Duration pollInterval,
			@Value("${doudi.workers.heartbeat:10s}") Duration heartbeat,
			@Value("${doudi.workers.heartbeat-timeout:60s}") Duration heartbeatTimeout) {
		return new RemotePartitioningManagerStepBuilder(CountyPartitionsConfiguration.MANAGER_STEP, jobRepository)
			.partitioner(CountyPartitionsConfiguration.WORKER_STEP, countyPartitioner)
			// a worker that died is seen by its partition's heartbeat stopping, not only by the timeout
			.listener(new LostWorkers(jobRepository, heartbeatTimeout, heartbeat.compareTo(heartbeatTimeout) < 0
					? heartbeat : heartbeatTimeout.dividedBy(2)))
			.outputChannel(monthEndRequests)
			.pollInterval(pollInterval.toMillis())
			.timeout(timeout.toMillis())
			.beanFactory(beanFactory)
			.build();
	}

	/** A worker ({@code doudi worker}): consumes the requests and runs each county's partition. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "doudi.workers.listen", havingValue = "true")
	static class Worker {

		@Bean
		IntegrationFlow monthEndWorker(ConnectionFactory connectionFactory, Queue monthEndRequestsQueue,
				JobRepository jobRepository, BeanFactory beanFactory, @Value("${doudi.workers.threads:0}") int threads) {
			SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
			container.setQueueNames(monthEndRequestsQueue.getName());
			container.setConcurrentConsumers(CountyPartitionsConfiguration.threads(threads));
			container.setPrefetchCount(1);
			container.setAcknowledgeMode(AcknowledgeMode.AUTO);
			container.setDefaultRequeueRejected(false);
			BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
			steps.setBeanFactory(beanFactory);
			StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
			handler.setJobRepository(jobRepository);
			handler.setStepLocator(steps);
			log.info("month-end worker: queue {}, {} partitions at a time", monthEndRequestsQueue.getName(),
					CountyPartitionsConfiguration.threads(threads));
			return IntegrationFlow.from(Amqp.inboundAdapter(container).messageConverter(converter()))
				.handle(handler, "handle")
				.nullChannel();
		}
	}
}
