/**
 * Notices (公示 and 告知书): after month-end, writes each village's or community's monthly public notice
 * ({@code notices/<county>/<village>-<YYYYMM>.xlsx} and {@code .pdf}: the PAY lines of the run, one row
 * per DIBAO household or per person, masked ID numbers only) and one PDF per county with an individual
 * stop notice per stop. Everything is derived from the run and configuration ({@code doudi.notice.*}),
 * never the clock, so the same run gives byte-identical files. The PDFs draw a rare character the main
 * font lacks from a fallback font; one no font has is named in month-end's warnings. A county's lines are
 * read village by village and each village's notices rendered once its lines are in, on a pool as wide as the
 * month-end's {@code --threads} (a worker's; default the cores) sharing the fonts (read once per process,
 * {@code render.FontFace}), a few villages at a time, and taken in village order (same files, same warnings as
 * one after the other). The files are POI's and PDFBox's bytes, written faster: an XLSX's sheet and strings as
 * text ({@code render.NoticeSheetXml}), a PDF's pages through {@code render.PageContent}, its fonts through
 * {@code render.EmbeddedFont} and {@code render.FontSubset} (docs/speed-history.md, part D and "Notices
 * (session of 2026-12-07 afternoon)").
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity", "payroll" })
package cn.doudi.notices;
