package cn.doudi.allowance;

/** Whether a DIBAO household line is a regular gap payment or a gradual-exit (渐退) payment. */
public enum DibaoPhase {
	REGULAR, GRADUAL_EXIT
}
