import { forwardRef } from 'react';

type Props = {
  src: string;
  poster: string | null;
  subtitlesUrl: string | null;
  title: string;
  testId?: string;
  onLoadedMetadata?: (v: HTMLVideoElement) => void;
  onTime?: (sec: number) => void;
  onPlayingChange?: (playing: boolean) => void;
};

/**
 * A stored short video, streamed with HTTP ranges (the server answers 206), so seeking — and 重点回看 —
 * fetch only the part needed. Captions come from the record's WebVTT.
 */
export const VideoPlayer = forwardRef<HTMLVideoElement, Props>(
  ({ src, poster, subtitlesUrl, title, testId, onLoadedMetadata, onTime, onPlayingChange }, ref) => (
    // biome-ignore lint/a11y/useMediaCaption: the captions track is rendered whenever the record has WebVTT subtitles.
    <video
      ref={ref}
      src={src}
      poster={poster ?? undefined}
      controls
      preload="metadata"
      playsInline
      aria-label={title}
      data-testid={testId}
      style={{ width: '100%', maxHeight: 360, background: '#000', borderRadius: 8 }}
      onLoadedMetadata={(e) => onLoadedMetadata?.(e.currentTarget)}
      onTimeUpdate={(e) => onTime?.(Math.floor(e.currentTarget.currentTime))}
      onPlay={() => onPlayingChange?.(true)}
      onPause={() => onPlayingChange?.(false)}
    >
      {subtitlesUrl ? <track kind="captions" src={subtitlesUrl} srcLang="zh-CN" label="中文字幕" default /> : null}
    </video>
  ),
);
