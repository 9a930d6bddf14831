package cn.doudi.disbursement.pain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of elements written the same way every time — a credit transfer — with slots for the texts that vary:
 * described once, it gives the bytes between the slots (indentation, tags) and the events the XSD's validator
 * is fed ({@link Pain001Schema.Check#transfer}), so the two cannot differ. The bytes are those {@code
 * Pain001Writer}'s elements have always had: each element on a line of its own, indented two spaces a level,
 * {@code <a>text</a>} for an element with text.
 */
final class Shape {

	static final byte START = 0, END = 1, LEAF = 2;

	/** Per event: kind, element name, attribute name and value (or null), the slot of its text or -1 and the text. */
	final byte[] kinds;
	final String[] names;
	final String[] attributes;
	final String[] values;
	final int[] slots;
	final String[] texts;
	/** Per slot, the path of its element from the shape's first ({@code CdtTrfTxInf/PmtId/EndToEndId}). */
	final String[] paths;
	/** The bytes before slot 0, between slots, and after the last. */
	final byte[][] between;

	private Shape(Builder b) {
		int n = b.kinds.size();
		kinds = new byte[n];
		for (int i = 0; i < n; i++) {
			kinds[i] = b.kinds.get(i);
		}
		names = b.names.toArray(String[]::new);
		attributes = b.attributes.toArray(String[]::new);
		values = b.values.toArray(String[]::new);
		slots = b.slots.stream().mapToInt(Integer::intValue).toArray();
		texts = b.texts.toArray(String[]::new);
		paths = b.paths.toArray(String[]::new);
		b.between.add(b.bytes.toByteArray());
		between = b.between.toArray(byte[][]::new);
	}

	int slotCount() {
		return paths.length;
	}

	/** A shape whose first element is at {@code depth} (its indentation). */
	static Builder at(int depth) {
		return new Builder(depth);
	}

	static final class Builder {

		private final List<Byte> kinds = new ArrayList<>();
		private final List<String> names = new ArrayList<>();
		private final List<String> attributes = new ArrayList<>();
		private final List<String> values = new ArrayList<>();
		private final List<Integer> slots = new ArrayList<>();
		private final List<String> texts = new ArrayList<>();
		private final List<String> paths = new ArrayList<>();
		private final List<byte[]> between = new ArrayList<>();
		private final ArrayList<String> open = new ArrayList<>();
		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		private int depth;

		private Builder(int depth) {
			this.depth = depth;
		}

		Builder open(String name) {
			markup("\n" + "  ".repeat(depth) + "<" + name + ">");
			event(START, name, null, null, -1, null);
			open.add(name);
			depth++;
			return this;
		}

		Builder close() {
			depth--;
			String name = open.remove(open.size() - 1);
			markup("\n" + "  ".repeat(depth) + "</" + name + ">");
			event(END, name, null, null, -1, null);
			return this;
		}

		/** An element whose text is the next slot's. */
		Builder slot(String name) {
			return slot(name, null, null);
		}

		/** An element with one attribute of a fixed value and the next slot's text. */
		Builder slot(String name, String attribute, String value) {
			markup("\n" + "  ".repeat(depth) + "<" + name + (attribute == null ? "" : " " + attribute + "=\"" + value + "\"") + ">");
			between.add(bytes.toByteArray());
			bytes.reset();
			open.add(name);
			paths.add(String.join("/", open));
			open.remove(open.size() - 1);
			event(LEAF, name, attribute, value, paths.size() - 1, null);
			markup("</" + name + ">");
			return this;
		}

		/** An element with a fixed text (markup-free ASCII). */
		Builder fixed(String name, String text) {
			markup("\n" + "  ".repeat(depth) + "<" + name + ">" + text + "</" + name + ">");
			event(LEAF, name, null, null, -1, text);
			return this;
		}

		Shape build() {
			if (!open.isEmpty()) {
				throw new IllegalStateException("unclosed " + open);
			}
			return new Shape(this);
		}

		private void markup(String s) {
			bytes.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
		}

		private void event(byte kind, String name, String attribute, String value, int slot, String text) {
			kinds.add(kind);
			names.add(name);
			attributes.add(attribute);
			values.add(value);
			slots.add(slot);
			texts.add(text);
		}
	}
}
