/** What the viewer's buttons do: the tools of its left mouse button, and the CT window presets. */
import { AngleTool, LengthTool, PanTool, StackScrollTool, WindowLevelTool, ZoomTool } from '@cornerstonejs/tools';

export type ToolName = 'window' | 'pan' | 'zoom' | 'length' | 'angle' | 'scroll';

export interface ViewerTool {
  readonly name: ToolName;
  readonly toolName: string;
  readonly label: string;
  readonly hint: string;
  /** Offered as a choice for the left button. */
  readonly button: boolean;
}

export const TOOLS: readonly ViewerTool[] = [
  { name: 'window', toolName: WindowLevelTool.toolName as string, label: 'Window', hint: 'Change the window (brightness and contrast)', button: true },
  { name: 'pan', toolName: PanTool.toolName as string, label: 'Pan', hint: 'Move the image', button: true },
  { name: 'zoom', toolName: ZoomTool.toolName as string, label: 'Zoom', hint: 'Zoom in and out', button: true },
  { name: 'length', toolName: LengthTool.toolName as string, label: 'Length', hint: 'Measure a length', button: true },
  { name: 'angle', toolName: AngleTool.toolName as string, label: 'Angle', hint: 'Measure an angle', button: true },
  { name: 'scroll', toolName: StackScrollTool.toolName as string, label: 'Scroll', hint: 'Move through the images', button: true },
];

/** CT windows in Hounsfield units, width and level (centre), as radiology references give them. */
export const PRESETS = [
  { name: 'soft-tissue', label: 'Soft tissue', width: 400, center: 50 },
  { name: 'lung', label: 'Lung', width: 1500, center: -600 },
  { name: 'bone', label: 'Bone', width: 1800, center: 400 },
  { name: 'brain', label: 'Brain', width: 80, center: 40 },
  { name: 'liver', label: 'Liver', width: 150, center: 30 },
] as const;

/** A display range as the window width and level radiologists speak of, rounded to whole values. */
export function windowOf(range: { lower: number; upper: number }): { width: number; center: number } {
  return { width: Math.round(range.upper - range.lower), center: Math.round((range.upper + range.lower) / 2) };
}
