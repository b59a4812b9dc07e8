import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace wandb_internal. */
export namespace wandb_internal {

    /**
     * Properties of a Record.
     * @deprecated Use wandb_internal.Record.$Properties instead.
     */
    interface IRecord extends wandb_internal.Record.$Properties {
    }

    /** Represents a Record. */
    class Record {

        /**
         * Constructs a new Record.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.Record.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Record num. */
        num: (number|Long);

        /** Record history. */
        history?: (wandb_internal.HistoryRecord.$Properties|null);

        /** Record summary. */
        summary?: (wandb_internal.SummaryRecord.$Properties|null);

        /** Record output. */
        output?: (wandb_internal.OutputRecord.$Properties|null);

        /** Record config. */
        config?: (wandb_internal.ConfigRecord.$Properties|null);

        /** Record files. */
        files?: (wandb_internal.FilesRecord.$Properties|null);

        /** Record stats. */
        stats?: (wandb_internal.StatsRecord.$Properties|null);

        /** Record artifact. */
        artifact?: (Uint8Array|null);

        /** Record telemetry. */
        telemetry?: (Uint8Array|null);

        /** Record metric. */
        metric?: (Uint8Array|null);

        /** Record output_raw. */
        output_raw?: (wandb_internal.OutputRawRecord.$Properties|null);

        /** Record run. */
        run?: (wandb_internal.RunRecord.$Properties|null);

        /** Record exit. */
        exit?: (wandb_internal.RunExitRecord.$Properties|null);

        /** Record final. */
        final?: (wandb_internal.FinalRecord.$Properties|null);

        /** Record header. */
        header?: (wandb_internal.HeaderRecord.$Properties|null);

        /** Record footer. */
        footer?: (wandb_internal.FooterRecord.$Properties|null);

        /** Record preempting. */
        preempting?: (wandb_internal.RunPreemptingRecord.$Properties|null);

        /** Record control. */
        control?: (wandb_internal.Control.$Properties|null);

        /** Record uuid. */
        uuid: string;

        /** Record _info. */
        _info?: (wandb_internal._RecordInfo.$Properties|null);

        /** Record record_type. */
        record_type?: ("history"|"summary"|"output"|"config"|"files"|"stats"|"artifact"|"telemetry"|"metric"|"output_raw"|"run"|"exit"|"final"|"header"|"footer"|"preempting");

        /**
         * Creates a new Record instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Record instance
         */
        static create(properties: wandb_internal.Record.$Shape): wandb_internal.Record & wandb_internal.Record.$Shape;
        static create(properties?: wandb_internal.Record.$Properties): wandb_internal.Record;

        /**
         * Encodes the specified Record message. Does not implicitly {@link wandb_internal.Record.verify|verify} messages.
         * @param message Record message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.Record.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Record message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.Record & wandb_internal.Record.$Shape} Record
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.Record & wandb_internal.Record.$Shape;

        /**
         * Creates a Record message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Record
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.Record;

        /**
         * Creates a plain object from a Record message. Also converts values to other types if specified.
         * @param message Record
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.Record, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Record to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Record
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Record {

        /** Properties of a Record. */
        interface $Properties {

            /** Record num */
            num?: (number|Long|null);

            /** Record history */
            history?: (wandb_internal.HistoryRecord.$Properties|null);

            /** Record summary */
            summary?: (wandb_internal.SummaryRecord.$Properties|null);

            /** Record output */
            output?: (wandb_internal.OutputRecord.$Properties|null);

            /** Record config */
            config?: (wandb_internal.ConfigRecord.$Properties|null);

            /** Record files */
            files?: (wandb_internal.FilesRecord.$Properties|null);

            /** Record stats */
            stats?: (wandb_internal.StatsRecord.$Properties|null);

            /** Record artifact */
            artifact?: (Uint8Array|null);

            /** Record telemetry */
            telemetry?: (Uint8Array|null);

            /** Record metric */
            metric?: (Uint8Array|null);

            /** Record output_raw */
            output_raw?: (wandb_internal.OutputRawRecord.$Properties|null);

            /** Record run */
            run?: (wandb_internal.RunRecord.$Properties|null);

            /** Record exit */
            exit?: (wandb_internal.RunExitRecord.$Properties|null);

            /** Record final */
            final?: (wandb_internal.FinalRecord.$Properties|null);

            /** Record header */
            header?: (wandb_internal.HeaderRecord.$Properties|null);

            /** Record footer */
            footer?: (wandb_internal.FooterRecord.$Properties|null);

            /** Record preempting */
            preempting?: (wandb_internal.RunPreemptingRecord.$Properties|null);

            /** Record control */
            control?: (wandb_internal.Control.$Properties|null);

            /** Record uuid */
            uuid?: (string|null);

            /** Record _info */
            _info?: (wandb_internal._RecordInfo.$Properties|null);

            /** Record record_type */
            record_type?: ("history"|"summary"|"output"|"config"|"files"|"stats"|"artifact"|"telemetry"|"metric"|"output_raw"|"run"|"exit"|"final"|"header"|"footer"|"preempting");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a Record. */
        type $Shape = {
          num?: number|Long|null;
          history?: wandb_internal.HistoryRecord.$Shape|null;
          summary?: wandb_internal.SummaryRecord.$Shape|null;
          output?: wandb_internal.OutputRecord.$Shape|null;
          config?: wandb_internal.ConfigRecord.$Shape|null;
          files?: wandb_internal.FilesRecord.$Shape|null;
          stats?: wandb_internal.StatsRecord.$Shape|null;
          artifact?: Uint8Array|null;
          telemetry?: Uint8Array|null;
          metric?: Uint8Array|null;
          output_raw?: wandb_internal.OutputRawRecord.$Shape|null;
          run?: wandb_internal.RunRecord.$Shape|null;
          exit?: wandb_internal.RunExitRecord.$Shape|null;
          final?: wandb_internal.FinalRecord.$Shape|null;
          header?: wandb_internal.HeaderRecord.$Shape|null;
          footer?: wandb_internal.FooterRecord.$Shape|null;
          preempting?: wandb_internal.RunPreemptingRecord.$Shape|null;
          control?: wandb_internal.Control.$Shape|null;
          uuid?: string|null;
          _info?: wandb_internal._RecordInfo.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ record_type?: undefined; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "history"; history: wandb_internal.HistoryRecord.$Shape; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "summary"; history?: null; summary: wandb_internal.SummaryRecord.$Shape; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "output"; history?: null; summary?: null; output: wandb_internal.OutputRecord.$Shape; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "config"; history?: null; summary?: null; output?: null; config: wandb_internal.ConfigRecord.$Shape; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "files"; history?: null; summary?: null; output?: null; config?: null; files: wandb_internal.FilesRecord.$Shape; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "stats"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats: wandb_internal.StatsRecord.$Shape; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "artifact"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact: Uint8Array; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "telemetry"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry: Uint8Array; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "metric"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric: Uint8Array; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "output_raw"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw: wandb_internal.OutputRawRecord.$Shape; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "run"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run: wandb_internal.RunRecord.$Shape; exit?: null; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "exit"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit: wandb_internal.RunExitRecord.$Shape; final?: null; header?: null; footer?: null; preempting?: null }|{ record_type?: "final"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final: wandb_internal.FinalRecord.$Shape; header?: null; footer?: null; preempting?: null }|{ record_type?: "header"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header: wandb_internal.HeaderRecord.$Shape; footer?: null; preempting?: null }|{ record_type?: "footer"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer: wandb_internal.FooterRecord.$Shape; preempting?: null }|{ record_type?: "preempting"; history?: null; summary?: null; output?: null; config?: null; files?: null; stats?: null; artifact?: null; telemetry?: null; metric?: null; output_raw?: null; run?: null; exit?: null; final?: null; header?: null; footer?: null; preempting: wandb_internal.RunPreemptingRecord.$Shape })
        );
    }

    /**
     * Properties of a Control.
     * @deprecated Use wandb_internal.Control.$Properties instead.
     */
    interface IControl extends wandb_internal.Control.$Properties {
    }

    /** Represents a Control. */
    class Control {

        /**
         * Constructs a new Control.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.Control.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Control req_resp. */
        req_resp: boolean;

        /** Control local. */
        local: boolean;

        /** Control relay_id. */
        relay_id: string;

        /** Control mailbox_slot. */
        mailbox_slot: string;

        /** Control always_send. */
        always_send: boolean;

        /**
         * Creates a new Control instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Control instance
         */
        static create(properties: wandb_internal.Control.$Shape): wandb_internal.Control & wandb_internal.Control.$Shape;
        static create(properties?: wandb_internal.Control.$Properties): wandb_internal.Control;

        /**
         * Encodes the specified Control message. Does not implicitly {@link wandb_internal.Control.verify|verify} messages.
         * @param message Control message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.Control.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Control message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.Control & wandb_internal.Control.$Shape} Control
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.Control & wandb_internal.Control.$Shape;

        /**
         * Creates a Control message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Control
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.Control;

        /**
         * Creates a plain object from a Control message. Also converts values to other types if specified.
         * @param message Control
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.Control, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Control to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Control
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Control {

        /** Properties of a Control. */
        interface $Properties {

            /** Control req_resp */
            req_resp?: (boolean|null);

            /** Control local */
            local?: (boolean|null);

            /** Control relay_id */
            relay_id?: (string|null);

            /** Control mailbox_slot */
            mailbox_slot?: (string|null);

            /** Control always_send */
            always_send?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Control. */
        type $Shape = wandb_internal.Control.$Properties;
    }

    /**
     * Properties of a _RecordInfo.
     * @deprecated Use wandb_internal._RecordInfo.$Properties instead.
     */
    interface I_RecordInfo extends wandb_internal._RecordInfo.$Properties {
    }

    /** Represents a _RecordInfo. */
    class _RecordInfo {

        /**
         * Constructs a new _RecordInfo.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal._RecordInfo.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** _RecordInfo stream_id. */
        stream_id: string;

        /**
         * Creates a new _RecordInfo instance using the specified properties.
         * @param [properties] Properties to set
         * @returns _RecordInfo instance
         */
        static create(properties: wandb_internal._RecordInfo.$Shape): wandb_internal._RecordInfo & wandb_internal._RecordInfo.$Shape;
        static create(properties?: wandb_internal._RecordInfo.$Properties): wandb_internal._RecordInfo;

        /**
         * Encodes the specified _RecordInfo message. Does not implicitly {@link wandb_internal._RecordInfo.verify|verify} messages.
         * @param message _RecordInfo message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal._RecordInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a _RecordInfo message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal._RecordInfo & wandb_internal._RecordInfo.$Shape} _RecordInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal._RecordInfo & wandb_internal._RecordInfo.$Shape;

        /**
         * Creates a _RecordInfo message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns _RecordInfo
         */
        static fromObject(object: { [k: string]: any }): wandb_internal._RecordInfo;

        /**
         * Creates a plain object from a _RecordInfo message. Also converts values to other types if specified.
         * @param message _RecordInfo
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal._RecordInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this _RecordInfo to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for _RecordInfo
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace _RecordInfo {

        /** Properties of a _RecordInfo. */
        interface $Properties {

            /** _RecordInfo stream_id */
            stream_id?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a _RecordInfo. */
        type $Shape = wandb_internal._RecordInfo.$Properties;
    }

    /**
     * Properties of a RunRecord.
     * @deprecated Use wandb_internal.RunRecord.$Properties instead.
     */
    interface IRunRecord extends wandb_internal.RunRecord.$Properties {
    }

    /** Represents a RunRecord. */
    class RunRecord {

        /**
         * Constructs a new RunRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.RunRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RunRecord run_id. */
        run_id: string;

        /** RunRecord entity. */
        entity: string;

        /** RunRecord project. */
        project: string;

        /** RunRecord config. */
        config?: (wandb_internal.ConfigRecord.$Properties|null);

        /** RunRecord summary. */
        summary?: (wandb_internal.SummaryRecord.$Properties|null);

        /** RunRecord run_group. */
        run_group: string;

        /** RunRecord job_type. */
        job_type: string;

        /** RunRecord display_name. */
        display_name: string;

        /** RunRecord notes. */
        notes: string;

        /** RunRecord tags. */
        tags: string[];

        /** RunRecord sweep_id. */
        sweep_id: string;

        /** RunRecord host. */
        host: string;

        /** RunRecord starting_step. */
        starting_step: (number|Long);

        /** RunRecord storage_id. */
        storage_id: string;

        /** RunRecord start_time. */
        start_time?: (google.protobuf.Timestamp.$Properties|null);

        /** RunRecord resumed. */
        resumed: boolean;

        /** RunRecord telemetry. */
        telemetry: Uint8Array;

        /** RunRecord runtime. */
        runtime: number;

        /** RunRecord git. */
        git?: (wandb_internal.GitRepoRecord.$Properties|null);

        /** RunRecord _info. */
        _info?: (wandb_internal._RecordInfo.$Properties|null);

        /**
         * Creates a new RunRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RunRecord instance
         */
        static create(properties: wandb_internal.RunRecord.$Shape): wandb_internal.RunRecord & wandb_internal.RunRecord.$Shape;
        static create(properties?: wandb_internal.RunRecord.$Properties): wandb_internal.RunRecord;

        /**
         * Encodes the specified RunRecord message. Does not implicitly {@link wandb_internal.RunRecord.verify|verify} messages.
         * @param message RunRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.RunRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RunRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.RunRecord & wandb_internal.RunRecord.$Shape} RunRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.RunRecord & wandb_internal.RunRecord.$Shape;

        /**
         * Creates a RunRecord message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RunRecord
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.RunRecord;

        /**
         * Creates a plain object from a RunRecord message. Also converts values to other types if specified.
         * @param message RunRecord
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.RunRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RunRecord to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RunRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RunRecord {

        /** Properties of a RunRecord. */
        interface $Properties {

            /** RunRecord run_id */
            run_id?: (string|null);

            /** RunRecord entity */
            entity?: (string|null);

            /** RunRecord project */
            project?: (string|null);

            /** RunRecord config */
            config?: (wandb_internal.ConfigRecord.$Properties|null);

            /** RunRecord summary */
            summary?: (wandb_internal.SummaryRecord.$Properties|null);

            /** RunRecord run_group */
            run_group?: (string|null);

            /** RunRecord job_type */
            job_type?: (string|null);

            /** RunRecord display_name */
            display_name?: (string|null);

            /** RunRecord notes */
            notes?: (string|null);

            /** RunRecord tags */
            tags?: (string[]|null);

            /** RunRecord sweep_id */
            sweep_id?: (string|null);

            /** RunRecord host */
            host?: (string|null);

            /** RunRecord starting_step */
            starting_step?: (number|Long|null);

            /** RunRecord storage_id */
            storage_id?: (string|null);

            /** RunRecord start_time */
            start_time?: (google.protobuf.Timestamp.$Properties|null);

            /** RunRecord resumed */
            resumed?: (boolean|null);

            /** RunRecord telemetry */
            telemetry?: (Uint8Array|null);

            /** RunRecord runtime */
            runtime?: (number|null);

            /** RunRecord git */
            git?: (wandb_internal.GitRepoRecord.$Properties|null);

            /** RunRecord _info */
            _info?: (wandb_internal._RecordInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RunRecord. */
        type $Shape = wandb_internal.RunRecord.$Properties;
    }

    /**
     * Properties of a GitRepoRecord.
     * @deprecated Use wandb_internal.GitRepoRecord.$Properties instead.
     */
    interface IGitRepoRecord extends wandb_internal.GitRepoRecord.$Properties {
    }

    /** Represents a GitRepoRecord. */
    class GitRepoRecord {

        /**
         * Constructs a new GitRepoRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.GitRepoRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GitRepoRecord remote_url. */
        remote_url: string;

        /** GitRepoRecord commit. */
        commit: string;

        /**
         * Creates a new GitRepoRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns GitRepoRecord instance
         */
        static create(properties: wandb_internal.GitRepoRecord.$Shape): wandb_internal.GitRepoRecord & wandb_internal.GitRepoRecord.$Shape;
        static create(properties?: wandb_internal.GitRepoRecord.$Properties): wandb_internal.GitRepoRecord;

        /**
         * Encodes the specified GitRepoRecord message. Does not implicitly {@link wandb_internal.GitRepoRecord.verify|verify} messages.
         * @param message GitRepoRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.GitRepoRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GitRepoRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.GitRepoRecord & wandb_internal.GitRepoRecord.$Shape} GitRepoRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.GitRepoRecord & wandb_internal.GitRepoRecord.$Shape;

        /**
         * Creates a GitRepoRecord message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns GitRepoRecord
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.GitRepoRecord;

        /**
         * Creates a plain object from a GitRepoRecord message. Also converts values to other types if specified.
         * @param message GitRepoRecord
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.GitRepoRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this GitRepoRecord to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for GitRepoRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace GitRepoRecord {

        /** Properties of a GitRepoRecord. */
        interface $Properties {

            /** GitRepoRecord remote_url */
            remote_url?: (string|null);

            /** GitRepoRecord commit */
            commit?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GitRepoRecord. */
        type $Shape = wandb_internal.GitRepoRecord.$Properties;
    }

    /**
     * Properties of a ConfigRecord.
     * @deprecated Use wandb_internal.ConfigRecord.$Properties instead.
     */
    interface IConfigRecord extends wandb_internal.ConfigRecord.$Properties {
    }

    /** Represents a ConfigRecord. */
    class ConfigRecord {

        /**
         * Constructs a new ConfigRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.ConfigRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConfigRecord update. */
        update: wandb_internal.ConfigItem.$Properties[];

        /** ConfigRecord remove. */
        remove: wandb_internal.ConfigItem.$Properties[];

        /** ConfigRecord _info. */
        _info?: (wandb_internal._RecordInfo.$Properties|null);

        /**
         * Creates a new ConfigRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ConfigRecord instance
         */
        static create(properties: wandb_internal.ConfigRecord.$Shape): wandb_internal.ConfigRecord & wandb_internal.ConfigRecord.$Shape;
        static create(properties?: wandb_internal.ConfigRecord.$Properties): wandb_internal.ConfigRecord;

        /**
         * Encodes the specified ConfigRecord message. Does not implicitly {@link wandb_internal.ConfigRecord.verify|verify} messages.
         * @param message ConfigRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.ConfigRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConfigRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.ConfigRecord & wandb_internal.ConfigRecord.$Shape} ConfigRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.ConfigRecord & wandb_internal.ConfigRecord.$Shape;

        /**
         * Creates a ConfigRecord message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ConfigRecord
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.ConfigRecord;

        /**
         * Creates a plain object from a ConfigRecord message. Also converts values to other types if specified.
         * @param message ConfigRecord
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.ConfigRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ConfigRecord to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ConfigRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConfigRecord {

        /** Properties of a ConfigRecord. */
        interface $Properties {

            /** ConfigRecord update */
            update?: (wandb_internal.ConfigItem.$Properties[]|null);

            /** ConfigRecord remove */
            remove?: (wandb_internal.ConfigItem.$Properties[]|null);

            /** ConfigRecord _info */
            _info?: (wandb_internal._RecordInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConfigRecord. */
        type $Shape = wandb_internal.ConfigRecord.$Properties;
    }

    /**
     * Properties of a ConfigItem.
     * @deprecated Use wandb_internal.ConfigItem.$Properties instead.
     */
    interface IConfigItem extends wandb_internal.ConfigItem.$Properties {
    }

    /** Represents a ConfigItem. */
    class ConfigItem {

        /**
         * Constructs a new ConfigItem.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.ConfigItem.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConfigItem key. */
        key: string;

        /** ConfigItem nested_key. */
        nested_key: string[];

        /** ConfigItem value_json. */
        value_json: string;

        /**
         * Creates a new ConfigItem instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ConfigItem instance
         */
        static create(properties: wandb_internal.ConfigItem.$Shape): wandb_internal.ConfigItem & wandb_internal.ConfigItem.$Shape;
        static create(properties?: wandb_internal.ConfigItem.$Properties): wandb_internal.ConfigItem;

        /**
         * Encodes the specified ConfigItem message. Does not implicitly {@link wandb_internal.ConfigItem.verify|verify} messages.
         * @param message ConfigItem message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.ConfigItem.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConfigItem message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.ConfigItem & wandb_internal.ConfigItem.$Shape} ConfigItem
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.ConfigItem & wandb_internal.ConfigItem.$Shape;

        /**
         * Creates a ConfigItem message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ConfigItem
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.ConfigItem;

        /**
         * Creates a plain object from a ConfigItem message. Also converts values to other types if specified.
         * @param message ConfigItem
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.ConfigItem, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ConfigItem to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ConfigItem
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConfigItem {

        /** Properties of a ConfigItem. */
        interface $Properties {

            /** ConfigItem key */
            key?: (string|null);

            /** ConfigItem nested_key */
            nested_key?: (string[]|null);

            /** ConfigItem value_json */
            value_json?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConfigItem. */
        type $Shape = wandb_internal.ConfigItem.$Properties;
    }

    /**
     * Properties of a SummaryRecord.
     * @deprecated Use wandb_internal.SummaryRecord.$Properties instead.
     */
    interface ISummaryRecord extends wandb_internal.SummaryRecord.$Properties {
    }

    /** Represents a SummaryRecord. */
    class SummaryRecord {

        /**
         * Constructs a new SummaryRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.SummaryRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SummaryRecord update. */
        update: wandb_internal.SummaryItem.$Properties[];

        /** SummaryRecord remove. */
        remove: wandb_internal.SummaryItem.$Properties[];

        /** SummaryRecord _info. */
        _info?: (wandb_internal._RecordInfo.$Properties|null);

        /**
         * Creates a new SummaryRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SummaryRecord instance
         */
        static create(properties: wandb_internal.SummaryRecord.$Shape): wandb_internal.SummaryRecord & wandb_internal.SummaryRecord.$Shape;
        static create(properties?: wandb_internal.SummaryRecord.$Properties): wandb_internal.SummaryRecord;

        /**
         * Encodes the specified SummaryRecord message. Does not implicitly {@link wandb_internal.SummaryRecord.verify|verify} messages.
         * @param message SummaryRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.SummaryRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SummaryRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.SummaryRecord & wandb_internal.SummaryRecord.$Shape} SummaryRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.SummaryRecord & wandb_internal.SummaryRecord.$Shape;

        /**
         * Creates a SummaryRecord message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SummaryRecord
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.SummaryRecord;

        /**
         * Creates a plain object from a SummaryRecord message. Also converts values to other types if specified.
         * @param message SummaryRecord
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.SummaryRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SummaryRecord to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SummaryRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SummaryRecord {

        /** Properties of a SummaryRecord. */
        interface $Properties {

            /** SummaryRecord update */
            update?: (wandb_internal.SummaryItem.$Properties[]|null);

            /** SummaryRecord remove */
            remove?: (wandb_internal.SummaryItem.$Properties[]|null);

            /** SummaryRecord _info */
            _info?: (wandb_internal._RecordInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SummaryRecord. */
        type $Shape = wandb_internal.SummaryRecord.$Properties;
    }

    /**
     * Properties of a SummaryItem.
     * @deprecated Use wandb_internal.SummaryItem.$Properties instead.
     */
    interface ISummaryItem extends wandb_internal.SummaryItem.$Properties {
    }

    /** Represents a SummaryItem. */
    class SummaryItem {

        /**
         * Constructs a new SummaryItem.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.SummaryItem.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SummaryItem key. */
        key: string;

        /** SummaryItem nested_key. */
        nested_key: string[];

        /** SummaryItem value_json. */
        value_json: string;

        /**
         * Creates a new SummaryItem instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SummaryItem instance
         */
        static create(properties: wandb_internal.SummaryItem.$Shape): wandb_internal.SummaryItem & wandb_internal.SummaryItem.$Shape;
        static create(properties?: wandb_internal.SummaryItem.$Properties): wandb_internal.SummaryItem;

        /**
         * Encodes the specified SummaryItem message. Does not implicitly {@link wandb_internal.SummaryItem.verify|verify} messages.
         * @param message SummaryItem message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.SummaryItem.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SummaryItem message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.SummaryItem & wandb_internal.SummaryItem.$Shape} SummaryItem
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.SummaryItem & wandb_internal.SummaryItem.$Shape;

        /**
         * Creates a SummaryItem message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SummaryItem
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.SummaryItem;

        /**
         * Creates a plain object from a SummaryItem message. Also converts values to other types if specified.
         * @param message SummaryItem
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.SummaryItem, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SummaryItem to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SummaryItem
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SummaryItem {

        /** Properties of a SummaryItem. */
        interface $Properties {

            /** SummaryItem key */
            key?: (string|null);

            /** SummaryItem nested_key */
            nested_key?: (string[]|null);

            /** SummaryItem value_json */
            value_json?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SummaryItem. */
        type $Shape = wandb_internal.SummaryItem.$Properties;
    }

    /**
     * Properties of a HistoryRecord.
     * @deprecated Use wandb_internal.HistoryRecord.$Properties instead.
     */
    interface IHistoryRecord extends wandb_internal.HistoryRecord.$Properties {
    }

    /** Represents a HistoryRecord. */
    class HistoryRecord {

        /**
         * Constructs a new HistoryRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.HistoryRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HistoryRecord item. */
        item: wandb_internal.HistoryItem.$Properties[];

        /** HistoryRecord step. */
        step?: (wandb_internal.HistoryStep.$Properties|null);

        /** HistoryRecord _info. */
        _info?: (wandb_internal._RecordInfo.$Properties|null);

        /**
         * Creates a new HistoryRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HistoryRecord instance
         */
        static create(properties: wandb_internal.HistoryRecord.$Shape): wandb_internal.HistoryRecord & wandb_internal.HistoryRecord.$Shape;
        static create(properties?: wandb_internal.HistoryRecord.$Properties): wandb_internal.HistoryRecord;

        /**
         * Encodes the specified HistoryRecord message. Does not implicitly {@link wandb_internal.HistoryRecord.verify|verify} messages.
         * @param message HistoryRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.HistoryRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HistoryRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.HistoryRecord & wandb_internal.HistoryRecord.$Shape} HistoryRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.HistoryRecord & wandb_internal.HistoryRecord.$Shape;

        /**
         * Creates a HistoryRecord message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns HistoryRecord
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.HistoryRecord;

        /**
         * Creates a plain object from a HistoryRecord message. Also converts values to other types if specified.
         * @param message HistoryRecord
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.HistoryRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HistoryRecord to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for HistoryRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HistoryRecord {

        /** Properties of a HistoryRecord. */
        interface $Properties {

            /** HistoryRecord item */
            item?: (wandb_internal.HistoryItem.$Properties[]|null);

            /** HistoryRecord step */
            step?: (wandb_internal.HistoryStep.$Properties|null);

            /** HistoryRecord _info */
            _info?: (wandb_internal._RecordInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HistoryRecord. */
        type $Shape = wandb_internal.HistoryRecord.$Properties;
    }

    /**
     * Properties of a HistoryItem.
     * @deprecated Use wandb_internal.HistoryItem.$Properties instead.
     */
    interface IHistoryItem extends wandb_internal.HistoryItem.$Properties {
    }

    /** Represents a HistoryItem. */
    class HistoryItem {

        /**
         * Constructs a new HistoryItem.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.HistoryItem.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HistoryItem key. */
        key: string;

        /** HistoryItem nested_key. */
        nested_key: string[];

        /** HistoryItem value_json. */
        value_json: string;

        /**
         * Creates a new HistoryItem instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HistoryItem instance
         */
        static create(properties: wandb_internal.HistoryItem.$Shape): wandb_internal.HistoryItem & wandb_internal.HistoryItem.$Shape;
        static create(properties?: wandb_internal.HistoryItem.$Properties): wandb_internal.HistoryItem;

        /**
         * Encodes the specified HistoryItem message. Does not implicitly {@link wandb_internal.HistoryItem.verify|verify} messages.
         * @param message HistoryItem message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.HistoryItem.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HistoryItem message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.HistoryItem & wandb_internal.HistoryItem.$Shape} HistoryItem
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.HistoryItem & wandb_internal.HistoryItem.$Shape;

        /**
         * Creates a HistoryItem message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns HistoryItem
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.HistoryItem;

        /**
         * Creates a plain object from a HistoryItem message. Also converts values to other types if specified.
         * @param message HistoryItem
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.HistoryItem, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HistoryItem to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for HistoryItem
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HistoryItem {

        /** Properties of a HistoryItem. */
        interface $Properties {

            /** HistoryItem key */
            key?: (string|null);

            /** HistoryItem nested_key */
            nested_key?: (string[]|null);

            /** HistoryItem value_json */
            value_json?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HistoryItem. */
        type $Shape = wandb_internal.HistoryItem.$Properties;
    }

    /**
     * Properties of a HistoryStep.
     * @deprecated Use wandb_internal.HistoryStep.$Properties instead.
     */
    interface IHistoryStep extends wandb_internal.HistoryStep.$Properties {
    }

    /** Represents a HistoryStep. */
    class HistoryStep {

        /**
         * Constructs a new HistoryStep.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.HistoryStep.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HistoryStep num. */
        num: (number|Long);

        /**
         * Creates a new HistoryStep instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HistoryStep instance
         */
        static create(properties: wandb_internal.HistoryStep.$Shape): wandb_internal.HistoryStep & wandb_internal.HistoryStep.$Shape;
        static create(properties?: wandb_internal.HistoryStep.$Properties): wandb_internal.HistoryStep;

        /**
         * Encodes the specified HistoryStep message. Does not implicitly {@link wandb_internal.HistoryStep.verify|verify} messages.
         * @param message HistoryStep message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.HistoryStep.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HistoryStep message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.HistoryStep & wandb_internal.HistoryStep.$Shape} HistoryStep
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.HistoryStep & wandb_internal.HistoryStep.$Shape;

        /**
         * Creates a HistoryStep message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns HistoryStep
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.HistoryStep;

        /**
         * Creates a plain object from a HistoryStep message. Also converts values to other types if specified.
         * @param message HistoryStep
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.HistoryStep, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HistoryStep to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for HistoryStep
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HistoryStep {

        /** Properties of a HistoryStep. */
        interface $Properties {

            /** HistoryStep num */
            num?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HistoryStep. */
        type $Shape = wandb_internal.HistoryStep.$Properties;
    }

    /**
     * Properties of a StatsRecord.
     * @deprecated Use wandb_internal.StatsRecord.$Properties instead.
     */
    interface IStatsRecord extends wandb_internal.StatsRecord.$Properties {
    }

    /** Represents a StatsRecord. */
    class StatsRecord {

        /**
         * Constructs a new StatsRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.StatsRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** StatsRecord stats_type. */
        stats_type: wandb_internal.StatsRecord.StatsType;

        /** StatsRecord timestamp. */
        timestamp?: (google.protobuf.Timestamp.$Properties|null);

        /** StatsRecord item. */
        item: wandb_internal.StatsItem.$Properties[];

        /** StatsRecord _info. */
        _info?: (wandb_internal._RecordInfo.$Properties|null);

        /**
         * Creates a new StatsRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StatsRecord instance
         */
        static create(properties: wandb_internal.StatsRecord.$Shape): wandb_internal.StatsRecord & wandb_internal.StatsRecord.$Shape;
        static create(properties?: wandb_internal.StatsRecord.$Properties): wandb_internal.StatsRecord;

        /**
         * Encodes the specified StatsRecord message. Does not implicitly {@link wandb_internal.StatsRecord.verify|verify} messages.
         * @param message StatsRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.StatsRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StatsRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.StatsRecord & wandb_internal.StatsRecord.$Shape} StatsRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.StatsRecord & wandb_internal.StatsRecord.$Shape;

        /**
         * Creates a StatsRecord message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns StatsRecord
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.StatsRecord;

        /**
         * Creates a plain object from a StatsRecord message. Also converts values to other types if specified.
         * @param message StatsRecord
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.StatsRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this StatsRecord to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for StatsRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace StatsRecord {

        /** Properties of a StatsRecord. */
        interface $Properties {

            /** StatsRecord stats_type */
            stats_type?: (wandb_internal.StatsRecord.StatsType|null);

            /** StatsRecord timestamp */
            timestamp?: (google.protobuf.Timestamp.$Properties|null);

            /** StatsRecord item */
            item?: (wandb_internal.StatsItem.$Properties[]|null);

            /** StatsRecord _info */
            _info?: (wandb_internal._RecordInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a StatsRecord. */
        type $Shape = wandb_internal.StatsRecord.$Properties;

        /** StatsType enum. */
        enum StatsType {

            /** SYSTEM value */
            SYSTEM = 0
        }
    }

    /**
     * Properties of a StatsItem.
     * @deprecated Use wandb_internal.StatsItem.$Properties instead.
     */
    interface IStatsItem extends wandb_internal.StatsItem.$Properties {
    }

    /** Represents a StatsItem. */
    class StatsItem {

        /**
         * Constructs a new StatsItem.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.StatsItem.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** StatsItem key. */
        key: string;

        /** StatsItem value_json. */
        value_json: string;

        /**
         * Creates a new StatsItem instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StatsItem instance
         */
        static create(properties: wandb_internal.StatsItem.$Shape): wandb_internal.StatsItem & wandb_internal.StatsItem.$Shape;
        static create(properties?: wandb_internal.StatsItem.$Properties): wandb_internal.StatsItem;

        /**
         * Encodes the specified StatsItem message. Does not implicitly {@link wandb_internal.StatsItem.verify|verify} messages.
         * @param message StatsItem message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.StatsItem.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StatsItem message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.StatsItem & wandb_internal.StatsItem.$Shape} StatsItem
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.StatsItem & wandb_internal.StatsItem.$Shape;

        /**
         * Creates a StatsItem message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns StatsItem
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.StatsItem;

        /**
         * Creates a plain object from a StatsItem message. Also converts values to other types if specified.
         * @param message StatsItem
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.StatsItem, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this StatsItem to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for StatsItem
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace StatsItem {

        /** Properties of a StatsItem. */
        interface $Properties {

            /** StatsItem key */
            key?: (string|null);

            /** StatsItem value_json */
            value_json?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a StatsItem. */
        type $Shape = wandb_internal.StatsItem.$Properties;
    }

    /**
     * Properties of an OutputRecord.
     * @deprecated Use wandb_internal.OutputRecord.$Properties instead.
     */
    interface IOutputRecord extends wandb_internal.OutputRecord.$Properties {
    }

    /** Represents an OutputRecord. */
    class OutputRecord {

        /**
         * Constructs a new OutputRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.OutputRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** OutputRecord output_type. */
        output_type: wandb_internal.OutputRecord.OutputType;

        /** OutputRecord timestamp. */
        timestamp?: (google.protobuf.Timestamp.$Properties|null);

        /** OutputRecord line. */
        line: string;

        /** OutputRecord _info. */
        _info?: (wandb_internal._RecordInfo.$Properties|null);

        /**
         * Creates a new OutputRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns OutputRecord instance
         */
        static create(properties: wandb_internal.OutputRecord.$Shape): wandb_internal.OutputRecord & wandb_internal.OutputRecord.$Shape;
        static create(properties?: wandb_internal.OutputRecord.$Properties): wandb_internal.OutputRecord;

        /**
         * Encodes the specified OutputRecord message. Does not implicitly {@link wandb_internal.OutputRecord.verify|verify} messages.
         * @param message OutputRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.OutputRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an OutputRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.OutputRecord & wandb_internal.OutputRecord.$Shape} OutputRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.OutputRecord & wandb_internal.OutputRecord.$Shape;

        /**
         * Creates an OutputRecord message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns OutputRecord
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.OutputRecord;

        /**
         * Creates a plain object from an OutputRecord message. Also converts values to other types if specified.
         * @param message OutputRecord
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.OutputRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this OutputRecord to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for OutputRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace OutputRecord {

        /** Properties of an OutputRecord. */
        interface $Properties {

            /** OutputRecord output_type */
            output_type?: (wandb_internal.OutputRecord.OutputType|null);

            /** OutputRecord timestamp */
            timestamp?: (google.protobuf.Timestamp.$Properties|null);

            /** OutputRecord line */
            line?: (string|null);

            /** OutputRecord _info */
            _info?: (wandb_internal._RecordInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an OutputRecord. */
        type $Shape = wandb_internal.OutputRecord.$Properties;

        /** OutputType enum. */
        enum OutputType {

            /** STDERR value */
            STDERR = 0,

            /** STDOUT value */
            STDOUT = 1
        }
    }

    /**
     * Properties of an OutputRawRecord.
     * @deprecated Use wandb_internal.OutputRawRecord.$Properties instead.
     */
    interface IOutputRawRecord extends wandb_internal.OutputRawRecord.$Properties {
    }

    /** Represents an OutputRawRecord. */
    class OutputRawRecord {

        /**
         * Constructs a new OutputRawRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.OutputRawRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** OutputRawRecord output_type. */
        output_type: wandb_internal.OutputRawRecord.OutputType;

        /** OutputRawRecord timestamp. */
        timestamp?: (google.protobuf.Timestamp.$Properties|null);

        /** OutputRawRecord line. */
        line: string;

        /** OutputRawRecord _info. */
        _info?: (wandb_internal._RecordInfo.$Properties|null);

        /**
         * Creates a new OutputRawRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns OutputRawRecord instance
         */
        static create(properties: wandb_internal.OutputRawRecord.$Shape): wandb_internal.OutputRawRecord & wandb_internal.OutputRawRecord.$Shape;
        static create(properties?: wandb_internal.OutputRawRecord.$Properties): wandb_internal.OutputRawRecord;

        /**
         * Encodes the specified OutputRawRecord message. Does not implicitly {@link wandb_internal.OutputRawRecord.verify|verify} messages.
         * @param message OutputRawRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.OutputRawRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an OutputRawRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.OutputRawRecord & wandb_internal.OutputRawRecord.$Shape} OutputRawRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.OutputRawRecord & wandb_internal.OutputRawRecord.$Shape;

        /**
         * Creates an OutputRawRecord message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns OutputRawRecord
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.OutputRawRecord;

        /**
         * Creates a plain object from an OutputRawRecord message. Also converts values to other types if specified.
         * @param message OutputRawRecord
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.OutputRawRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this OutputRawRecord to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for OutputRawRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace OutputRawRecord {

        /** Properties of an OutputRawRecord. */
        interface $Properties {

            /** OutputRawRecord output_type */
            output_type?: (wandb_internal.OutputRawRecord.OutputType|null);

            /** OutputRawRecord timestamp */
            timestamp?: (google.protobuf.Timestamp.$Properties|null);

            /** OutputRawRecord line */
            line?: (string|null);

            /** OutputRawRecord _info */
            _info?: (wandb_internal._RecordInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an OutputRawRecord. */
        type $Shape = wandb_internal.OutputRawRecord.$Properties;

        /** OutputType enum. */
        enum OutputType {

            /** STDERR value */
            STDERR = 0,

            /** STDOUT value */
            STDOUT = 1
        }
    }

    /**
     * Properties of a FilesRecord.
     * @deprecated Use wandb_internal.FilesRecord.$Properties instead.
     */
    interface IFilesRecord extends wandb_internal.FilesRecord.$Properties {
    }

    /** Represents a FilesRecord. */
    class FilesRecord {

        /**
         * Constructs a new FilesRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.FilesRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FilesRecord files. */
        files: wandb_internal.FilesItem.$Properties[];

        /** FilesRecord _info. */
        _info?: (wandb_internal._RecordInfo.$Properties|null);

        /**
         * Creates a new FilesRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns FilesRecord instance
         */
        static create(properties: wandb_internal.FilesRecord.$Shape): wandb_internal.FilesRecord & wandb_internal.FilesRecord.$Shape;
        static create(properties?: wandb_internal.FilesRecord.$Properties): wandb_internal.FilesRecord;

        /**
         * Encodes the specified FilesRecord message. Does not implicitly {@link wandb_internal.FilesRecord.verify|verify} messages.
         * @param message FilesRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.FilesRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a FilesRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.FilesRecord & wandb_internal.FilesRecord.$Shape} FilesRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.FilesRecord & wandb_internal.FilesRecord.$Shape;

        /**
         * Creates a FilesRecord message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns FilesRecord
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.FilesRecord;

        /**
         * Creates a plain object from a FilesRecord message. Also converts values to other types if specified.
         * @param message FilesRecord
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.FilesRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this FilesRecord to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for FilesRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace FilesRecord {

        /** Properties of a FilesRecord. */
        interface $Properties {

            /** FilesRecord files */
            files?: (wandb_internal.FilesItem.$Properties[]|null);

            /** FilesRecord _info */
            _info?: (wandb_internal._RecordInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FilesRecord. */
        type $Shape = wandb_internal.FilesRecord.$Properties;
    }

    /**
     * Properties of a FilesItem.
     * @deprecated Use wandb_internal.FilesItem.$Properties instead.
     */
    interface IFilesItem extends wandb_internal.FilesItem.$Properties {
    }

    /** Represents a FilesItem. */
    class FilesItem {

        /**
         * Constructs a new FilesItem.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.FilesItem.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FilesItem path. */
        path: string;

        /** FilesItem policy. */
        policy: wandb_internal.FilesItem.PolicyType;

        /** FilesItem external_path. */
        external_path: string;

        /**
         * Creates a new FilesItem instance using the specified properties.
         * @param [properties] Properties to set
         * @returns FilesItem instance
         */
        static create(properties: wandb_internal.FilesItem.$Shape): wandb_internal.FilesItem & wandb_internal.FilesItem.$Shape;
        static create(properties?: wandb_internal.FilesItem.$Properties): wandb_internal.FilesItem;

        /**
         * Encodes the specified FilesItem message. Does not implicitly {@link wandb_internal.FilesItem.verify|verify} messages.
         * @param message FilesItem message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.FilesItem.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a FilesItem message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.FilesItem & wandb_internal.FilesItem.$Shape} FilesItem
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.FilesItem & wandb_internal.FilesItem.$Shape;

        /**
         * Creates a FilesItem message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns FilesItem
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.FilesItem;

        /**
         * Creates a plain object from a FilesItem message. Also converts values to other types if specified.
         * @param message FilesItem
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.FilesItem, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this FilesItem to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for FilesItem
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace FilesItem {

        /** Properties of a FilesItem. */
        interface $Properties {

            /** FilesItem path */
            path?: (string|null);

            /** FilesItem policy */
            policy?: (wandb_internal.FilesItem.PolicyType|null);

            /** FilesItem external_path */
            external_path?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FilesItem. */
        type $Shape = wandb_internal.FilesItem.$Properties;

        /** PolicyType enum. */
        enum PolicyType {

            /** NOW value */
            NOW = 0,

            /** END value */
            END = 1,

            /** LIVE value */
            LIVE = 2
        }
    }

    /**
     * Properties of a RunExitRecord.
     * @deprecated Use wandb_internal.RunExitRecord.$Properties instead.
     */
    interface IRunExitRecord extends wandb_internal.RunExitRecord.$Properties {
    }

    /** Represents a RunExitRecord. */
    class RunExitRecord {

        /**
         * Constructs a new RunExitRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.RunExitRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RunExitRecord exit_code. */
        exit_code: number;

        /** RunExitRecord runtime. */
        runtime: number;

        /** RunExitRecord _info. */
        _info?: (wandb_internal._RecordInfo.$Properties|null);

        /**
         * Creates a new RunExitRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RunExitRecord instance
         */
        static create(properties: wandb_internal.RunExitRecord.$Shape): wandb_internal.RunExitRecord & wandb_internal.RunExitRecord.$Shape;
        static create(properties?: wandb_internal.RunExitRecord.$Properties): wandb_internal.RunExitRecord;

        /**
         * Encodes the specified RunExitRecord message. Does not implicitly {@link wandb_internal.RunExitRecord.verify|verify} messages.
         * @param message RunExitRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.RunExitRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RunExitRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.RunExitRecord & wandb_internal.RunExitRecord.$Shape} RunExitRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.RunExitRecord & wandb_internal.RunExitRecord.$Shape;

        /**
         * Creates a RunExitRecord message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RunExitRecord
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.RunExitRecord;

        /**
         * Creates a plain object from a RunExitRecord message. Also converts values to other types if specified.
         * @param message RunExitRecord
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.RunExitRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RunExitRecord to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RunExitRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RunExitRecord {

        /** Properties of a RunExitRecord. */
        interface $Properties {

            /** RunExitRecord exit_code */
            exit_code?: (number|null);

            /** RunExitRecord runtime */
            runtime?: (number|null);

            /** RunExitRecord _info */
            _info?: (wandb_internal._RecordInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RunExitRecord. */
        type $Shape = wandb_internal.RunExitRecord.$Properties;
    }

    /**
     * Properties of a RunPreemptingRecord.
     * @deprecated Use wandb_internal.RunPreemptingRecord.$Properties instead.
     */
    interface IRunPreemptingRecord extends wandb_internal.RunPreemptingRecord.$Properties {
    }

    /** Represents a RunPreemptingRecord. */
    class RunPreemptingRecord {

        /**
         * Constructs a new RunPreemptingRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.RunPreemptingRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RunPreemptingRecord _info. */
        _info?: (wandb_internal._RecordInfo.$Properties|null);

        /**
         * Creates a new RunPreemptingRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RunPreemptingRecord instance
         */
        static create(properties: wandb_internal.RunPreemptingRecord.$Shape): wandb_internal.RunPreemptingRecord & wandb_internal.RunPreemptingRecord.$Shape;
        static create(properties?: wandb_internal.RunPreemptingRecord.$Properties): wandb_internal.RunPreemptingRecord;

        /**
         * Encodes the specified RunPreemptingRecord message. Does not implicitly {@link wandb_internal.RunPreemptingRecord.verify|verify} messages.
         * @param message RunPreemptingRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.RunPreemptingRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RunPreemptingRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.RunPreemptingRecord & wandb_internal.RunPreemptingRecord.$Shape} RunPreemptingRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.RunPreemptingRecord & wandb_internal.RunPreemptingRecord.$Shape;

        /**
         * Creates a RunPreemptingRecord message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RunPreemptingRecord
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.RunPreemptingRecord;

        /**
         * Creates a plain object from a RunPreemptingRecord message. Also converts values to other types if specified.
         * @param message RunPreemptingRecord
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.RunPreemptingRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RunPreemptingRecord to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RunPreemptingRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RunPreemptingRecord {

        /** Properties of a RunPreemptingRecord. */
        interface $Properties {

            /** RunPreemptingRecord _info */
            _info?: (wandb_internal._RecordInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RunPreemptingRecord. */
        type $Shape = wandb_internal.RunPreemptingRecord.$Properties;
    }

    /**
     * Properties of a FinalRecord.
     * @deprecated Use wandb_internal.FinalRecord.$Properties instead.
     */
    interface IFinalRecord extends wandb_internal.FinalRecord.$Properties {
    }

    /** Represents a FinalRecord. */
    class FinalRecord {

        /**
         * Constructs a new FinalRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.FinalRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FinalRecord _info. */
        _info?: (wandb_internal._RecordInfo.$Properties|null);

        /**
         * Creates a new FinalRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns FinalRecord instance
         */
        static create(properties: wandb_internal.FinalRecord.$Shape): wandb_internal.FinalRecord & wandb_internal.FinalRecord.$Shape;
        static create(properties?: wandb_internal.FinalRecord.$Properties): wandb_internal.FinalRecord;

        /**
         * Encodes the specified FinalRecord message. Does not implicitly {@link wandb_internal.FinalRecord.verify|verify} messages.
         * @param message FinalRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.FinalRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a FinalRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.FinalRecord & wandb_internal.FinalRecord.$Shape} FinalRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.FinalRecord & wandb_internal.FinalRecord.$Shape;

        /**
         * Creates a FinalRecord message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns FinalRecord
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.FinalRecord;

        /**
         * Creates a plain object from a FinalRecord message. Also converts values to other types if specified.
         * @param message FinalRecord
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.FinalRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this FinalRecord to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for FinalRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace FinalRecord {

        /** Properties of a FinalRecord. */
        interface $Properties {

            /** FinalRecord _info */
            _info?: (wandb_internal._RecordInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FinalRecord. */
        type $Shape = wandb_internal.FinalRecord.$Properties;
    }

    /**
     * Properties of a HeaderRecord.
     * @deprecated Use wandb_internal.HeaderRecord.$Properties instead.
     */
    interface IHeaderRecord extends wandb_internal.HeaderRecord.$Properties {
    }

    /** Represents a HeaderRecord. */
    class HeaderRecord {

        /**
         * Constructs a new HeaderRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.HeaderRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HeaderRecord _info. */
        _info?: (wandb_internal._RecordInfo.$Properties|null);

        /**
         * Creates a new HeaderRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HeaderRecord instance
         */
        static create(properties: wandb_internal.HeaderRecord.$Shape): wandb_internal.HeaderRecord & wandb_internal.HeaderRecord.$Shape;
        static create(properties?: wandb_internal.HeaderRecord.$Properties): wandb_internal.HeaderRecord;

        /**
         * Encodes the specified HeaderRecord message. Does not implicitly {@link wandb_internal.HeaderRecord.verify|verify} messages.
         * @param message HeaderRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.HeaderRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HeaderRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.HeaderRecord & wandb_internal.HeaderRecord.$Shape} HeaderRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.HeaderRecord & wandb_internal.HeaderRecord.$Shape;

        /**
         * Creates a HeaderRecord message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns HeaderRecord
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.HeaderRecord;

        /**
         * Creates a plain object from a HeaderRecord message. Also converts values to other types if specified.
         * @param message HeaderRecord
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.HeaderRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this HeaderRecord to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for HeaderRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HeaderRecord {

        /** Properties of a HeaderRecord. */
        interface $Properties {

            /** HeaderRecord _info */
            _info?: (wandb_internal._RecordInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HeaderRecord. */
        type $Shape = wandb_internal.HeaderRecord.$Properties;
    }

    /**
     * Properties of a FooterRecord.
     * @deprecated Use wandb_internal.FooterRecord.$Properties instead.
     */
    interface IFooterRecord extends wandb_internal.FooterRecord.$Properties {
    }

    /** Represents a FooterRecord. */
    class FooterRecord {

        /**
         * Constructs a new FooterRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: wandb_internal.FooterRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FooterRecord _info. */
        _info?: (wandb_internal._RecordInfo.$Properties|null);

        /**
         * Creates a new FooterRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns FooterRecord instance
         */
        static create(properties: wandb_internal.FooterRecord.$Shape): wandb_internal.FooterRecord & wandb_internal.FooterRecord.$Shape;
        static create(properties?: wandb_internal.FooterRecord.$Properties): wandb_internal.FooterRecord;

        /**
         * Encodes the specified FooterRecord message. Does not implicitly {@link wandb_internal.FooterRecord.verify|verify} messages.
         * @param message FooterRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: wandb_internal.FooterRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a FooterRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {wandb_internal.FooterRecord & wandb_internal.FooterRecord.$Shape} FooterRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): wandb_internal.FooterRecord & wandb_internal.FooterRecord.$Shape;

        /**
         * Creates a FooterRecord message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns FooterRecord
         */
        static fromObject(object: { [k: string]: any }): wandb_internal.FooterRecord;

        /**
         * Creates a plain object from a FooterRecord message. Also converts values to other types if specified.
         * @param message FooterRecord
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: wandb_internal.FooterRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this FooterRecord to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for FooterRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace FooterRecord {

        /** Properties of a FooterRecord. */
        interface $Properties {

            /** FooterRecord _info */
            _info?: (wandb_internal._RecordInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FooterRecord. */
        type $Shape = wandb_internal.FooterRecord.$Properties;
    }
}

/** Namespace google. */
export namespace google {

    /** Namespace protobuf. */
    namespace protobuf {

        /**
         * Properties of a Timestamp.
         * @deprecated Use google.protobuf.Timestamp.$Properties instead.
         */
        interface ITimestamp extends google.protobuf.Timestamp.$Properties {
        }

        /** Represents a Timestamp. */
        class Timestamp {

            /**
             * Constructs a new Timestamp.
             * @param [properties] Properties to set
             */
            constructor(properties?: google.protobuf.Timestamp.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Timestamp seconds. */
            seconds: (number|Long);

            /** Timestamp nanos. */
            nanos: number;

            /**
             * Creates a new Timestamp instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Timestamp instance
             */
            static create(properties: google.protobuf.Timestamp.$Shape): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;
            static create(properties?: google.protobuf.Timestamp.$Properties): google.protobuf.Timestamp;

            /**
             * Encodes the specified Timestamp message. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @param message Timestamp message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: google.protobuf.Timestamp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Timestamp message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape} Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;

            /**
             * Creates a Timestamp message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Timestamp
             */
            static fromObject(object: { [k: string]: any }): google.protobuf.Timestamp;

            /**
             * Creates a plain object from a Timestamp message. Also converts values to other types if specified.
             * @param message Timestamp
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: google.protobuf.Timestamp, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Timestamp to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Timestamp
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Timestamp {

            /** Properties of a Timestamp. */
            interface $Properties {

                /** Timestamp seconds */
                seconds?: (number|Long|null);

                /** Timestamp nanos */
                nanos?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Timestamp. */
            type $Shape = google.protobuf.Timestamp.$Properties;
        }
    }
}
