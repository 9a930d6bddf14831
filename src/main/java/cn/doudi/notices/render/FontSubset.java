package cn.doudi.notices.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * The font program of a subset, byte for byte as fontbox 3.0.6's {@code TTFSubsetter} writes it for the tables
 * PDFBox keeps ({@code head hhea loca maxp cvt prep glyf hmtx fpgm gasp}): the glyphs (with the glyphs composite
 * glyphs are made of) renumbered in the order of their old ids, composite glyphs pointing at the new ids, the
 * metrics of the glyphs kept, the font's own tables copied, the directory and the checksums as fontbox computes
 * them. The difference is the cost: {@code TTFSubsetter} looks up each component's new id by counting the glyphs
 * before it in a sorted set (quadratic in the glyphs kept, as WenQuanYi's glyphs are composites); here it is a
 * binary search in an array. The parts that do not depend on the glyphs (the directory's header, {@code head}
 * without its checksum adjustment, {@code hhea} and {@code maxp} but for their counts, the copied tables) are
 * taken once per font from {@code TTFSubsetter}'s own output ({@link Template}); the glyphs are read from the font
 * file mapped read-only ({@link FontFace#data}: absolute reads, safe from any thread). A subset holding a glyph PDFBox
 * forces invisible (of U+200B, U+200C, U+2060, U+FEFF — never drawn by the notices) is left to {@code
 * TTFSubsetter}. {@code FontSubsetTests} compares both for many glyph sets.
 */
final class FontSubset {

	private FontSubset() {
	}

	/** A font's tables as {@code TTFSubsetter} writes them for any subset, from one subset it wrote. */
	record Template(byte[] header, String[] tags, byte[][] tables, byte[] hmtx, int numHMetrics, long glyfOffset,
			long[] loca) {

		static Template of(TrueTypeFont font, byte[] subset) throws IOException {
			int n = u16(subset, 4);
			String[] tags = new String[n];
			byte[][] tables = new byte[n][];
			for (int i = 0; i < n; i++) {
				int at = 12 + 16 * i;
				tags[i] = new String(subset, at, 4, StandardCharsets.US_ASCII);
				int offset = (int) u32(subset, at + 8);
				int length = (int) u32(subset, at + 12);
				tables[i] = Arrays.copyOfRange(subset, offset, offset + length);
				if (tags[i].equals("head")) {
					Arrays.fill(tables[i], 8, 12, (byte) 0); // the checksum adjustment, computed per subset
				}
			}
			byte[] hmtx = font.getTableBytes(font.getTableMap().get("hmtx"));
			return new Template(Arrays.copyOf(subset, 12), tags, tables, hmtx,
					font.getHorizontalHeader().getNumberOfHMetrics(), font.getGlyph().getOffset(),
					font.getIndexToLocation().getOffsets());
		}
	}

	/**
	 * The glyphs of a subset, ascending: glyph 0, the given ones and, transitively, the components of composite
	 * glyphs among them ({@code TTFSubsetter.addCompoundReferences}).
	 */
	static int[] glyphs(ByteBuffer data, Template t, BitSet given) {
		BitSet set = (BitSet) given.clone();
		set.set(0);
		BitSet toRead = (BitSet) set.clone();
		while (!toRead.isEmpty()) {
			BitSet added = new BitSet();
			for (int gid = toRead.nextSetBit(0); gid >= 0; gid = toRead.nextSetBit(gid + 1)) {
				int offset = (int) (t.glyfOffset() + t.loca()[gid]);
				int length = (int) (t.loca()[gid + 1] - t.loca()[gid]);
				if (length < 12 || (data.get(offset) & 0xff) != 0xff || (data.get(offset + 1) & 0xff) != 0xff) {
					continue;
				}
				int off = offset + 10;
				int flags;
				do {
					flags = u16(data, off);
					off += 2;
					int component = u16(data, off);
					if (!set.get(component)) {
						added.set(component);
					}
					off += 2 + componentArguments(flags);
				}
				while ((flags & 0x20) != 0);
			}
			set.or(added);
			toRead = added;
		}
		return set.stream().toArray();
	}

	/** The bytes after a component's glyph id: its arguments and transformation. */
	private static int componentArguments(int flags) {
		int n = (flags & 1) != 0 ? 4 : 2;
		if ((flags & 0x80) != 0) {
			n += 8;
		}
		else if ((flags & 0x40) != 0) {
			n += 4;
		}
		else if ((flags & 0x08) != 0) {
			n += 2;
		}
		return n;
	}

	/** The subset's font program for the glyphs of {@link #glyphs} (none of them forced invisible). */
	static byte[] program(ByteBuffer data, Template t, int[] glyphs) throws IOException {
		long[] newLoca = new long[glyphs.length + 1];
		byte[] glyf = glyf(data, t, glyphs, newLoca);
		ByteArrayOutputStream loca = new ByteArrayOutputStream(newLoca.length * 4);
		for (long offset : newLoca) {
			writeU32(loca, offset);
		}
		Map<String, byte[]> tables = new TreeMap<>();
		for (int i = 0; i < t.tags().length; i++) {
			String tag = t.tags()[i];
			byte[] bytes = switch (tag) {
				case "glyf" -> glyf;
				case "loca" -> loca.toByteArray();
				case "hmtx" -> hmtx(t, glyphs);
				case "hhea" -> withU16(t.tables()[i], 34, hMetrics(t, glyphs));
				case "maxp" -> withU16(t.tables()[i], 4, glyphs.length);
				default -> t.tables()[i].clone();
			};
			tables.put(tag, bytes);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		out.write(t.header());
		long checksum = u32(t.header(), 0) + u32(t.header(), 4) + u32(t.header(), 8);
		long offset = 12L + 16L * tables.size();
		for (Map.Entry<String, byte[]> e : tables.entrySet()) {
			byte[] bytes = e.getValue();
			long sum = 0;
			for (int i = 0; i < bytes.length; i++) {
				sum += (bytes[i] & 0xffL) << 24 - i % 4 * 8;
			}
			sum &= 0xffffffffL;
			byte[] tag = e.getKey().getBytes(StandardCharsets.US_ASCII);
			out.write(tag, 0, 4);
			writeU32(out, sum);
			writeU32(out, offset);
			writeU32(out, bytes.length);
			checksum += u32(tag, 0) + sum + sum + offset + bytes.length;
			offset += (bytes.length + 3L) / 4 * 4;
		}
		checksum = 0xB1B0AFBAL - (checksum & 0xffffffffL);
		byte[] head = tables.get("head");
		head[8] = (byte) (checksum >>> 24);
		head[9] = (byte) (checksum >>> 16);
		head[10] = (byte) (checksum >>> 8);
		head[11] = (byte) checksum;
		for (byte[] bytes : tables.values()) {
			out.write(bytes);
			if (bytes.length % 4 != 0) {
				out.write(new byte[4 - bytes.length % 4]);
			}
		}
		return out.toByteArray();
	}

	private static byte[] glyf(ByteBuffer data, Template t, int[] glyphs, long[] newLoca) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(512);
		long newOffset = 0;
		{
			for (int g = 0; g < glyphs.length; g++) {
				int gid = glyphs[g];
				newLoca[g] = newOffset;
				int offset = (int) (t.glyfOffset() + t.loca()[gid]);
				int length = (int) (t.loca()[gid + 1] - t.loca()[gid]);
				byte[] buf = new byte[length];
				data.get(offset, buf);
				if (buf.length >= 2 && (buf[0] & 0xff) == 0xff && (buf[1] & 0xff) == 0xff) {
					int off = 10;
					int flags;
					do {
						flags = u16(buf, off);
						off += 2;
						int component = Arrays.binarySearch(glyphs, u16(buf, off));
						buf[off] = (byte) (component >>> 8);
						buf[off + 1] = (byte) component;
						off += 2 + componentArguments(flags);
					}
					while ((flags & 0x20) != 0);
					if ((flags & 0x100) == 0x100) {
						off += 2 + u16(buf, off);
					}
					out.write(buf, 0, off);
					newOffset += off;
				}
				else if (buf.length > 0) {
					out.write(buf, 0, buf.length);
					newOffset += buf.length;
				}
				if (newOffset % 4 != 0) {
					int pad = 4 - (int) (newOffset % 4);
					out.write(new byte[pad], 0, pad);
					newOffset += pad;
				}
			}
		}
		newLoca[glyphs.length] = newOffset;
		return out.toByteArray();
	}

	/** The long metrics the subset's {@code hhea} counts. */
	private static int hMetrics(Template t, int[] glyphs) {
		int nhm = t.numHMetrics();
		int below = 0;
		while (below < glyphs.length && glyphs[below] < nhm) {
			below++;
		}
		boolean lastKept = below > 0 && glyphs[below - 1] == nhm - 1;
		return below + (glyphs[glyphs.length - 1] >= nhm && !lastKept ? 1 : 0);
	}

	private static byte[] hmtx(Template t, int[] glyphs) {
		int lastGid = t.numHMetrics() - 1;
		boolean needLastWidth = glyphs[glyphs.length - 1] > lastGid && Arrays.binarySearch(glyphs, lastGid) < 0;
		ByteArrayOutputStream out = new ByteArrayOutputStream(4 * glyphs.length);
		byte[] hmtx = t.hmtx();
		for (int gid : glyphs) {
			if (gid <= lastGid) {
				out.write(hmtx, gid * 4, 4);
			}
			else {
				if (needLastWidth) {
					needLastWidth = false;
					out.write(hmtx, lastGid * 4, 2);
				}
				out.write(hmtx, t.numHMetrics() * 4 + (gid - t.numHMetrics()) * 2, 2);
			}
		}
		return out.toByteArray();
	}

	/** PDFBox's subset tag's source: the hash code of the map from new glyph ids to old ones. */
	static int gidMapHash(int[] glyphs) {
		int hash = 0;
		for (int g = 0; g < glyphs.length; g++) {
			hash += g ^ glyphs[g];
		}
		return hash;
	}

	private static byte[] withU16(byte[] table, int at, int value) {
		byte[] out = table.clone();
		out[at] = (byte) (value >>> 8);
		out[at + 1] = (byte) value;
		return out;
	}

	private static void writeU32(ByteArrayOutputStream out, long value) {
		out.write((int) (value >>> 24));
		out.write((int) (value >>> 16));
		out.write((int) (value >>> 8));
		out.write((int) value);
	}

	private static int u16(ByteBuffer b, int at) {
		return (b.get(at) & 0xff) << 8 | b.get(at + 1) & 0xff;
	}

	private static int u16(byte[] b, int at) {
		return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
	}

	private static long u32(byte[] b, int at) {
		return (long) u16(b, at) << 16 | u16(b, at + 2);
	}
}
