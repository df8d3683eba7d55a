// Memo checks: the public surface shared by the editor and the CLI.
export { CHECK_SEVERITIES, checkMemo, citationInsertionPoint, isMemoCheck, MEMO_CHECKS, parseCheckSeverity, type CheckSeverity, type MemoCheck, type MemoCheckOptions, type MemoFix, type MemoProblem, type TextEdit } from './check';
export { nearestKeys } from './nearestKeys';
export { CONFIDENCE_LEVELS, confidenceLevel, findConfidence, levelName, type ConfidenceLevel, type ConfidenceMention } from './confidence';
export { closestPassage, findQuotations, locateQuotation, normalizeTypography, quotationSegments } from './quotes';
export { figuresByQuantity, sourceFigures, type MemoSources } from './sourceFigures';
export { memoStructure } from './structure';
export { bibliographyFormat, citekeysOfBibliography, inlineReferenceKeys, inlineReferences, parseBibliography, type LibraryEntry, type ParsedBibliography } from './bibliographies';
export { frontMatterBibliographies } from './pandoc';
