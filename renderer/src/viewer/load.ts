/**
 * The viewer's code (Cornerstone3D and its decoders' loaders, about 4 MB) is loaded the first time it
 * is needed; a study page asks for it as soon as it opens, so it is ready when the person clicks an image.
 */
export const loadViewer = () => import('./ViewerScreen.tsx');
