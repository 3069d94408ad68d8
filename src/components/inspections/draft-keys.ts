// Where an inspection's unsaved typing is kept on the device (per user: the draft store's owner).
// A plain module: the page (server) clears them after a save, the forms (client) write them.

/** One checklist item's result and note. */
export const itemDraftKey = (itemId: string) => `inspection-item:${itemId}`;

/** The grade, summary and details of the whole inspection. */
export const concludeDraftKey = (inspectionId: string) => `inspection:${inspectionId}`;
