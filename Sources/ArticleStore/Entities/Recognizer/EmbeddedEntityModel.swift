import CArticleStoreEntityModel
import Foundation

/// The entity model compiled into the library (a C target holds it as base64 text, which
/// builds in seconds where a Swift array literal of the same size would take minutes).
package enum EmbeddedEntityModel {
    /// The built-in model, decoded once per process; an empty model (which finds nothing) if
    /// the library was built without one or with one for other feature templates.
    package static let shared: EntityModel = {
        var length: UInt = 0
        let pointer = articlestore_entity_model_base64(&length)
        guard let pointer, length > 0 else { return EntityModel.empty }
        let data = Data(base64Encoded: Data(bytes: pointer, count: Int(length)))
        guard let data, let model = EntityModel(bytes: [UInt8](data)),
              model.header.templates == EntityFeatureExtractor.templateVersion else { return EntityModel.empty }
        return model
    }()
}
