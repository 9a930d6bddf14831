package cn.doudi.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.OptionalLong;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/**
 * The live heap of a bench's worker JVM, measured from outside it between rounds: the bench attaches (the JDK's
 * attach API, the JVM's local management agent), asks for a full collection and reads the heap in use — what the
 * worker still holds of the counties it ran. Done between rounds, as the in-process column collects before its
 * round, so no collection falls inside a worker's measured partitions (a full collection before every partition
 * cost the worker CPU per line and shrank its heap, so that its young collections came more often).
 */
final class LiveHeap {

	private LiveHeap() {
	}

	/** The heap in use after a full collection of the JVM {@code pid}, bytes; empty when it cannot be attached. */
	static OptionalLong afterFullCollection(long pid) {
		try {
			VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
			try {
				String address = vm.startLocalManagementAgent();
				try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
					MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(
							connector.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME,
							MemoryMXBean.class);
					memory.gc();
					return OptionalLong.of(memory.getHeapMemoryUsage().getUsed());
				}
			}
			finally {
				vm.detach();
			}
		}
		catch (Exception | LinkageError e) {
			return OptionalLong.empty(); // a JRE without jdk.attach, or attaching refused: the figure is not shown
		}
	}
}
