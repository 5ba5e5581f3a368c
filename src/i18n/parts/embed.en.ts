// The embed part of the page's English messages (merged into en.ts); ko has the same ids (embed.ko.ts).
export const embedEn = {
  // "Copy embed code": an <iframe> snippet for another page (src/ui/embed/CopyEmbedButton.tsx)
  'embed.copy.button': 'Copy embed code',
  'embed.copy.title': 'An <iframe> snippet that shows this scenario or lesson inside a course page, an LMS or a slide deck',
  'embed.copy.done': 'Embed code copied to the clipboard. Paste it into the HTML of your page.',
  'embed.copy.manual': 'The clipboard is not available here: select the code below and copy it.',
  'embed.copy.dialog': 'Embed code',
  'embed.copy.code': 'The embed code',
  'embed.copy.close': 'Close',
  'embed.copy.hint': 'The embedded page shows the graph, the narration and the playback controls; the page around it can drive it with postMessage (see the README, "Embedding").',
  // the title of the embedded frame, for screen readers in the host page
  'embed.frameTitle': 'Checkpoint Lab: {name}',
  'embed.frameLessonTitle': 'Checkpoint Lab lesson: {name}',
  // the embedded page itself (src/ui/embed/EmbedApp.tsx)
  'embed.region': 'Checkpoint Lab, embedded',
  'embed.open': 'Open in Checkpoint Lab',
  'embed.openTitle': 'The whole simulator, with its panels, in a new tab',
  // "Export picture" (src/ui/export/ExportPicture.tsx)
  'embed.export.button': 'Export picture',
  'embed.export.title': 'Save the graph as it is at this moment, as PNG and SVG, for slides and handouts',
  'embed.export.working': 'Drawing the picture…',
  'embed.export.failed': 'The picture could not be made: {message}',
} as const;
