/** What the viewer's buttons do: the tools of its left mouse button, and the CT window presets (named in the window's catalogues, viewer.tool and viewer.presetOption). */
import { AngleTool, LengthTool, PanTool, StackScrollTool, WindowLevelTool, ZoomTool } from '@cornerstonejs/tools';

export type ToolName = 'window' | 'pan' | 'zoom' | 'length' | 'angle' | 'scroll';

export interface ViewerTool {
  readonly name: ToolName;
  readonly toolName: string;
  /** Offered as a choice for the left button. */
  readonly button: boolean;
}

export const TOOLS: readonly ViewerTool[] = [
  { name: 'window', toolName: WindowLevelTool.toolName as string, button: true },
  { name: 'pan', toolName: PanTool.toolName as string, button: true },
  { name: 'zoom', toolName: ZoomTool.toolName as string, button: true },
  { name: 'length', toolName: LengthTool.toolName as string, button: true },
  { name: 'angle', toolName: AngleTool.toolName as string, button: true },
  { name: 'scroll', toolName: StackScrollTool.toolName as string, button: true },
];

/** CT windows in Hounsfield units, width and level (centre), as radiology references give them. */
export const PRESETS = [
  { name: 'soft-tissue', width: 400, center: 50 },
  { name: 'lung', width: 1500, center: -600 },
  { name: 'bone', width: 1800, center: 400 },
  { name: 'brain', width: 80, center: 40 },
  { name: 'liver', width: 150, center: 30 },
] as const;

/** A display range as the window width and level radiologists speak of, rounded to whole values. */
export function windowOf(range: { lower: number; upper: number }): { width: number; center: number } {
  return { width: Math.round(range.upper - range.lower), center: Math.round((range.upper + range.lower) / 2) };
}
